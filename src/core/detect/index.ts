import { akamai } from './akamai.ts';
import { azure } from './azure.ts';
import { bunny } from './bunny.ts';
import { cloudflare } from './cloudflare.ts';
import { cloudfront } from './cloudfront.ts';
import { ddosGuard } from './ddos-guard.ts';
import type { DetectInput, Detector, Finding, HeaderHit } from './detector.ts';
import { fastly } from './fastly.ts';
import { google } from './google.ts';
import { createHeaderView } from './headers.ts';
import { imperva } from './imperva.ts';
import { netlify } from './netlify.ts';
import { sucuri } from './sucuri.ts';
import type { Detection, PageMarkers, PageSnapshot } from './types.ts';
import { vercel } from './vercel.ts';

export { parseHeaderLines } from './headers.ts';
export { extractPageMarkers } from './extract-markers.ts';

/**
 * Every detector, in the order their page rules are tried when no header names a vendor. Page rules are
 * mutually exclusive in practice; WAF/challenge vendors come first because their pages may wrap a CDN's.
 */
export const DETECTORS: readonly Detector[] = [
  cloudflare,
  imperva,
  sucuri,
  ddosGuard,
  cloudfront,
  akamai,
  fastly,
  vercel,
  netlify,
  azure,
  google,
  bunny,
];

const EVIDENCE_LIMIT = 12;

/**
 * Classifies a snapshot: which CDN/WAF served it and what kind of failure, if any, the page shows.
 * Detectors whose headers matched are asked first; a page finding without its vendor's headers is `unconfirmed`.
 * Never throws on well-typed input; junk headers are ignored.
 * @example classify({ url, status: 522, headers: [['server', 'cloudflare']], page: null }).kind // 'origin-error'
 */
export function classify(snapshot: PageSnapshot): Detection {
  const headers = snapshot.headers ? createHeaderView(snapshot.headers) : null;
  const input: DetectInput = { status: snapshot.status, page: snapshot.page, headers };
  const hits = DETECTORS.map((detector) => ({ detector, hit: headers ? detector.readHeaders(headers) : null }));
  const ordered = [...hits.filter(({ hit }) => hit), ...hits.filter(({ hit }) => !hit)];
  for (const { detector, hit } of ordered) {
    const finding = detector.inspect(input, hit);
    if (finding) return toDetection(detector, finding, hit, snapshot, headers !== null);
  }
  return classifyPassThrough(snapshot, hits);
}

function toDetection(
  detector: Detector,
  finding: Finding,
  hit: HeaderHit | null,
  snapshot: PageSnapshot,
  hasHeaders: boolean,
): Detection {
  const evidence = [...(hit?.evidence ?? []), ...finding.evidence];
  if (finding.fromPage && !hit) evidence.push(hasHeaders ? 'headers:no-vendor-match' : 'headers:unknown');
  return {
    vendor: detector.vendor,
    kind: finding.kind,
    code: finding.code ?? snapshot.status,
    colo: hit?.colo ?? finding.colo ?? null,
    rayId: hit?.rayId ?? finding.rayId ?? null,
    evidence: dedupe(evidence),
    // Markup can be copied by anyone; only the vendor's own headers confirm the page is really theirs.
    unconfirmed: finding.fromPage && !hit && finding.kind !== 'none',
  };
}

/**
 * No vendor page: the response is the site's own. A 5xx relayed by a CDN is still the origin failing
 * ("an origin's own 5xx passed through"); anything else is a normal page, even a 404.
 */
function classifyPassThrough(
  snapshot: PageSnapshot,
  hits: ReadonlyArray<{ detector: Detector; hit: HeaderHit | null }>,
): Detection {
  const headerMatch = hits.find(({ hit }) => hit);
  const hinted = headerMatch || !snapshot.page ? null : findHint(snapshot.page);
  const vendor = headerMatch?.detector.vendor ?? hinted?.detector.vendor ?? null;
  const status = snapshot.status;
  const isRelayedFailure = vendor !== null && status !== null && status >= 500;
  const evidence = [...(headerMatch?.hit?.evidence ?? hinted?.hints ?? [])];
  if (isRelayedFailure) evidence.push(`status:${status}`);
  return {
    vendor,
    kind: isRelayedFailure ? 'origin-error' : 'none',
    code: status,
    colo: headerMatch?.hit?.colo ?? null,
    rayId: headerMatch?.hit?.rayId ?? null,
    evidence: dedupe(evidence),
    unconfirmed: isRelayedFailure && !headerMatch,
  };
}

/** A vendor named by markers on a normal page (beacons, email obfuscation), used only when no header names one. */
function findHint(page: PageMarkers): { detector: Detector; hints: string[] } | null {
  for (const detector of DETECTORS) {
    const hints = detector.readHints?.(page);
    if (hints) return { detector, hints };
  }
  return null;
}

function dedupe(evidence: string[]): string[] {
  return [...new Set(evidence)].slice(0, EVIDENCE_LIMIT);
}
