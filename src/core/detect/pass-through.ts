import type { Detector, HeaderHit } from './detector.ts';
import type { PlatformHit } from './platform-headers.ts';
import { readServerPage, type ServerPage } from './server-pages.ts';
import { isServerErrorStatus } from './status-kinds.ts';
import type { DetectionKind, PageMarkers, PageSnapshot } from './types.ts';

/** A detector with what the response's headers said of it. */
export interface DetectorHit {
  detector: Detector;
  hit: HeaderHit | null;
}

/** Result of reading a response no vendor's page claims; the registry adds `rayId` and caps the evidence. */
export interface PassThrough {
  vendor: Detector['vendor'] | null;
  kind: DetectionKind;
  code: number | null;
  evidence: string[];
  hit: HeaderHit | null;
  platform: PlatformHit['platform'] | null;
}

/**
 * The status decides. Any 5xx is the site failing, whether a CDN relayed it or the site answered alone; a status
 * the page contradicts (a 200 page showing "502 Bad Gateway") is a normal page. Only a platform's "no app at this
 * host" page makes a 4xx a configuration error; any other 4xx is the site's own answer.
 */
function decideKind(status: number | null, serverPage: ServerPage | null): DetectionKind {
  if (serverPage?.kind === 'site-config' && (status === null || status >= 400)) return 'site-config';
  return isServerErrorStatus(status ?? serverPage?.code ?? null) ? 'origin-error' : 'none';
}

/**
 * No vendor page: the response is the site's own, relayed by the CDN its headers name (or its page hints at), or
 * served directly. The site's server or platform is named from its default error page, else from its headers.
 */
export function readPassThrough(
  snapshot: PageSnapshot,
  hits: readonly DetectorHit[],
  platformHit: PlatformHit | null,
): PassThrough {
  const headerMatch = hits.find(({ hit }) => hit) ?? null;
  const hinted = headerMatch || !snapshot.page ? null : findHint(snapshot.page, hits);
  const serverPage = snapshot.page ? readServerPage(snapshot.page) : null;
  const kind = decideKind(snapshot.status, serverPage);
  const evidence = [...(headerMatch?.hit?.evidence ?? hinted?.hints ?? [])];
  let platform: PassThrough['platform'] = null;
  if (kind !== 'none') {
    if (snapshot.status !== null) evidence.push(`status:${snapshot.status}`);
    if (serverPage) evidence.push(serverPage.evidence);
    platform = serverPage?.platform ?? platformHit?.platform ?? null;
    if (platformHit && platformHit.platform === platform) evidence.push(platformHit.evidence);
  }
  return {
    vendor: headerMatch?.detector.vendor ?? hinted?.detector.vendor ?? null,
    kind,
    code: snapshot.status ?? serverPage?.code ?? null,
    evidence,
    hit: headerMatch?.hit ?? null,
    platform,
  };
}

/** A vendor named by markers on a normal page (beacons, email obfuscation), used only when no header names one. */
function findHint(page: PageMarkers, hits: readonly DetectorHit[]): { detector: Detector; hints: string[] } | null {
  for (const { detector } of hits) {
    const hints = detector.readHints?.(page);
    if (hints) return { detector, hints };
  }
  return null;
}
