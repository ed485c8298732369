import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { isSmallPage } from './page-queries.ts';
import { mayBeErrorPage } from './status-kinds.ts';
import type { DetectionKind, PageMarkers } from './types.ts';

/**
 * Reference number prefix → cause (ERR_* names from Akamai's error reference list).
 * Unknown prefixes are treated as the edge's own failure.
 */
const PREFIX_KINDS: Readonly<Record<string, DetectionKind>> = {
  '1': 'origin-error', // ERR_READ_TIMEOUT
  '3': 'origin-error', // ERR_READ_ERROR
  '4': 'origin-error', // ERR_WRITE_ERROR
  '6': 'origin-error', // ERR_CONNECT_FAIL
  '9': 'site-config', // ERR_INVALID_URL: no configuration for this host
  '11': 'origin-error', // ERR_DNS_FAIL (origin hostname)
  '15': 'origin-error', // ERR_ZERO_SIZE_OBJECT
  '18': 'blocked', // ERR_ACCESS_DENIED: WAF / bot manager
  '24': 'blocked', // ERR_REFERER_DENIED
  '30': 'origin-error', // ERR_FWD_SSL_HANDSHAKE
  '97': 'origin-error', // ERR_CONNECT_TIMEOUT
};
// Decoded text of `Reference&#32;&#35;18&#46;ee82d717&#46;1611391222&#46;3e90b23`.
const REFERENCE = /Reference #(\d{1,3})\.[0-9a-f]+\.\d+\.[0-9a-f]+/i;

function readPage(page: PageMarkers, status: number | null): Finding | null {
  // Only the bare template: a long page or a 2xx page quoting a reference number is an article, not the error.
  if (!isSmallPage(page, 800) || !mayBeErrorPage(status)) return null;
  const match = REFERENCE.exec(page.text);
  if (!match?.[1]) return null;
  const kind = PREFIX_KINDS[match[1]] ?? 'edge-error';
  return { kind, code: null, evidence: [`text:reference-${match[1]}`], fromPage: true };
}

/** Akamai: `server: AkamaiGHost`, Akamai-* headers; "Access Denied"/"Error" pages with a Reference #N.… number. */
export const akamai: Detector = {
  id: 'akamai',
  vendor: 'akamai',
  readHeaders(headers) {
    const evidence: string[] = [];
    const server = headers.get('server') ?? '';
    if (/^Akamai(?:GHost|NetStorage)/i.test(server)) evidence.push(`header:server=${server.toLowerCase()}`);
    if (headers.has('akamai-grn')) evidence.push('header:akamai-grn');
    if (headers.has('x-akamai-transformed')) evidence.push('header:x-akamai-transformed');
    if (headers.has('akamai-request-bc')) evidence.push('header:akamai-request-bc');
    return toHeaderHit(evidence);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
