import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import type { HeaderView } from './headers.ts';
import { findResource, isSmallPage, toIata } from './page-queries.ts';
import type { DetectionKind, PageMarkers } from './types.ts';

/** Vercel error codes (vercel.com/docs/errors) → kind, by prefix; the first match wins. */
const CODE_KINDS: ReadonlyArray<readonly [RegExp, DetectionKind]> = [
  [/^(?:DEPLOYMENT_|DNS_HOSTNAME_)/, 'site-config'],
  [/^INTERNAL_/, 'edge-error'],
  [/^(?:FUNCTION_|EDGE_FUNCTION_|MIDDLEWARE_|NO_RESPONSE_FROM_FUNCTION|INFINITE_LOOP_DETECTED)/, 'origin-error'],
];
const ERROR_CODE =
  /\b((?:INTERNAL_)?(?:DEPLOYMENT|DNS_HOSTNAME|FUNCTION|EDGE_FUNCTION|MIDDLEWARE)_[A-Z_]+|NO_RESPONSE_FROM_FUNCTION|INFINITE_LOOP_DETECTED)\b/;
// x-vercel-id / page "ID:" — "hnd1::iad1::abcde-…": the first region is the edge that took the request.
const REGION = /^([a-z]{3})\d::/;

function kindOfCode(code: string): DetectionKind | null {
  return CODE_KINDS.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}

function readPage(page: PageMarkers): Finding | null {
  if (/^Vercel Security Checkpoint/i.test(page.title) || findResource(page, /\/\.well-known\/vercel\/security\//)) {
    return { kind: 'challenge', code: null, evidence: ['page:security-checkpoint'], fromPage: true };
  }
  // Vercel's own error pages are a bare text body or a page titled like "504: GATEWAY_TIMEOUT"; an article
  // discussing the codes is neither.
  const isErrorShape = (page.isPlainText && isSmallPage(page, 300)) || /^\d{3}: [A-Z_]+$/.test(page.title);
  if (!isErrorShape) return null;
  const code = ERROR_CODE.exec(page.text)?.[1];
  const kind = code ? kindOfCode(code) : null;
  if (!code || !kind) return null;
  const colo = toIata(/\b([a-z]{3})\d::[a-z0-9]/.exec(page.text)?.[1]);
  return { kind, code: null, evidence: [`text:${code}`], colo, fromPage: true };
}

function readDecisiveHeaders(headers: HeaderView): Finding | null {
  if (headers.get('x-vercel-mitigated')?.toLowerCase() === 'challenge') {
    return { kind: 'challenge', code: null, evidence: ['header:x-vercel-mitigated=challenge'], fromPage: false };
  }
  const code = headers.get('x-vercel-error')?.toUpperCase();
  const kind = code ? kindOfCode(code) : null;
  return code && kind ? { kind, code: null, evidence: [`header:x-vercel-error=${code}`], fromPage: false } : null;
}

/** Vercel: `server: Vercel`, `x-vercel-id`; error codes (DEPLOYMENT_*, FUNCTION_INVOCATION_*), Security Checkpoint. */
export const vercel: Detector = {
  id: 'vercel',
  vendor: 'vercel',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (/^vercel$/i.test(headers.get('server') ?? '')) evidence.push('header:server=vercel');
    const id = headers.get('x-vercel-id');
    if (id) evidence.push('header:x-vercel-id');
    if (headers.has('x-vercel-cache')) evidence.push('header:x-vercel-cache');
    if (headers.has('x-vercel-mitigated')) evidence.push('header:x-vercel-mitigated');
    return toHeaderHit(evidence, toIata(REGION.exec(id ?? '')?.[1]));
  },
  inspect: ({ page, headers }) => (page ? readPage(page) : null) ?? (headers ? readDecisiveHeaders(headers) : null),
};
