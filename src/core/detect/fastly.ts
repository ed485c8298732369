import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { anyOf, isSmallPage, toCode, toIata } from './page-queries.ts';
import { isServerErrorStatus, kindOfClientStatus, mayBeErrorPage } from './status-kinds.ts';
import type { DetectionKind, PageMarkers } from './types.ts';

const ORIGIN_REASONS = anyOf(
  [
    /first byte timeout|backend is unhealthy|backend fetch failed|no healthy/,
    /connection refused|operation now in progress|connection timed out/,
  ],
  'i',
);
// cache-lga21925-LGA, or with the host named, cache-iad-kiad7000025-IAD: the trailing upper-case code is the POP's
// IATA code.
const CACHE_NODE = /\bcache-[a-z0-9]+(?:-[a-z0-9]+)*-([A-Z]{3})\b/g;

/** Last POP named in `value`. */
function readLastPop(value: string): string | null {
  let last: string | null = null;
  for (const match of value.matchAll(CACHE_NODE)) last = toIata(match[1]);
  return last;
}

/**
 * Fastly's synthetic pages carry whatever status the service's VCL set. Refusals (403, 429, and 406 from its
 * Next-Gen WAF) are blocks; any other 4xx, such as a synthetic 404, is the site's own answer.
 */
function kindForStatus(code: number | null, text: string): DetectionKind {
  if (ORIGIN_REASONS.test(text)) return 'origin-error';
  if (code === 406) return 'blocked';
  const clientKind = kindOfClientStatus(code);
  if (clientKind) return clientKind;
  // A bare "503 Service Unavailable" is what every Fastly POP served in the 8 Jun 2021 outage.
  if (code === 503) return 'edge-error';
  return isServerErrorStatus(code) ? 'origin-error' : 'none';
}

function readPage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 800) || !mayBeErrorPage(status)) return null;
  const colo = readLastPop(page.text);
  if (/^Fastly error: unknown domain/i.test(page.title) || /^Fastly error: unknown domain/i.test(page.text)) {
    return { kind: 'site-config', code: status, evidence: ['text:unknown-domain'], colo, fromPage: true };
  }
  // Fastly's synthetic page says "Guru Mediation" and names a cache node; stock Varnish says "Meditation" + XID.
  if (!/Guru Mediation/.test(page.text) || !/Details: cache-/.test(page.text)) return null;
  const code = status ?? toCode(/^Error (\d{3})\b/.exec(page.text)?.[1]);
  const kind = kindForStatus(code, `${page.title} ${page.text}`);
  return { kind, code, evidence: ['text:guru-mediation'], colo, fromPage: true };
}

/** Fastly: `x-served-by: cache-…-XXX`, `x-fastly-request-id`; "Guru Mediation" and "unknown domain" pages. */
export const fastly: Detector = {
  id: 'fastly',
  vendor: 'fastly',
  readHeaders(headers) {
    const evidence: string[] = [];
    // With shielding, x-served-by lists the shield POP first and the edge POP (the one near the visitor) last.
    const servedBy = headers.all('x-served-by').join(', ');
    const colo = readLastPop(servedBy);
    if (colo) evidence.push('header:x-served-by');
    if (headers.has('x-fastly-request-id')) evidence.push('header:x-fastly-request-id');
    if (headers.has('fastly-debug-digest')) evidence.push('header:fastly-debug-digest');
    return toHeaderHit(evidence, colo);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
