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
import { type DetectorHit, readPassThrough } from './pass-through.ts';
import { type PlatformHit, readPlatform } from './platform-headers.ts';
import { sucuri } from './sucuri.ts';
import type { Detection, PageSnapshot, Platform } from './types.ts';
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
 * Classifies a snapshot: which CDN/WAF served it, what kind of failure the page shows, if any, and which server or
 * platform the site runs on when a failing response names it. Detectors whose headers matched are asked first; a
 * page finding without its vendor's headers is `unconfirmed`. A response no vendor claims is decided by its status:
 * any 5xx is `origin-error`, with vendor null when no CDN is seen. Never throws on well-typed input; junk headers are
 * ignored.
 * @example classify({ url, status: 522, headers: [['server', 'cloudflare']], page: null }).kind // 'origin-error'
 */
export function classify(snapshot: PageSnapshot): Detection {
  const headers = snapshot.headers ? createHeaderView(snapshot.headers) : null;
  const input: DetectInput = { status: snapshot.status, page: snapshot.page, headers };
  const hits: DetectorHit[] = DETECTORS.map((detector) => ({
    detector,
    hit: headers ? detector.readHeaders(headers) : null,
  }));
  const platform = headers ? readPlatform(headers) : null;
  const ordered = [...hits.filter(({ hit }) => hit), ...hits.filter(({ hit }) => !hit)];
  for (const { detector, hit } of ordered) {
    const finding = detector.inspect(input, hit);
    if (finding) return toDetection(detector, finding, hit, snapshot, headers !== null, platform);
  }
  const passed = readPassThrough(snapshot, hits, platform);
  return withPlatform(
    {
      vendor: passed.vendor,
      kind: passed.kind,
      code: passed.code,
      colo: passed.hit?.colo ?? null,
      rayId: passed.hit?.rayId ?? null,
      evidence: dedupe(passed.evidence),
      // The kind rests on the status, which a page cannot fake, so it needs no vendor header to confirm it.
      unconfirmed: false,
    },
    passed.platform,
  );
}

function toDetection(
  detector: Detector,
  finding: Finding,
  hit: HeaderHit | null,
  snapshot: PageSnapshot,
  hasHeaders: boolean,
  platformHit: PlatformHit | null,
): Detection {
  const evidence = [...(hit?.evidence ?? []), ...finding.evidence];
  if (finding.fromPage && !hit) evidence.push(hasHeaders ? 'headers:no-vendor-match' : 'headers:unknown');
  const platform = finding.kind === 'none' ? null : (finding.platform ?? platformHit?.platform ?? null);
  if (platform && platform === platformHit?.platform) evidence.push(platformHit.evidence);
  return withPlatform(
    {
      vendor: detector.vendor,
      kind: finding.kind,
      code: finding.code ?? snapshot.status,
      colo: hit?.colo ?? finding.colo ?? null,
      rayId: hit?.rayId ?? finding.rayId ?? null,
      evidence: dedupe(evidence),
      // Markup can be copied by anyone; only the vendor's own headers confirm the page is really theirs.
      unconfirmed: finding.fromPage && !hit && finding.kind !== 'none',
    },
    platform,
  );
}

/** Adds `platform` only when one is named, so a detection without one has no such key at all. */
function withPlatform(detection: Detection, platform: Platform | null): Detection {
  return platform ? { ...detection, platform } : detection;
}

function dedupe(evidence: string[]): string[] {
  return [...new Set(evidence)].slice(0, EVIDENCE_LIMIT);
}
