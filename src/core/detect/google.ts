import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { isSmallPage, toCode } from './page-queries.ts';
import type { DetectionKind, PageMarkers } from './types.ts';

function readPage(page: PageMarkers, status: number | null): Finding | null {
  // Google Front End: title "Error 502 (Server Error)!!1", body "502. That’s an error."
  const title = /^Error (\d{3}) \([^)]*\)!!1$/.exec(page.title);
  if (!title || !isSmallPage(page, 1000) || !/That.s an error/.test(page.text)) return null;
  const code = status ?? toCode(title[1]);
  let kind: DetectionKind = 'none';
  // GFE's 5xx means the service behind the load balancer failed; its 404 is a missing page, not an outage.
  if (code !== null && code >= 500) kind = 'origin-error';
  else if (code === 403 || code === 429) kind = 'blocked';
  return { kind, code, evidence: ['title:gfe-error'], fromPage: true };
}

/** Google Front End and Google Cloud load balancers (`via: 1.1 google`). */
export const google: Detector = {
  id: 'google',
  vendor: 'google',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (/\b1\.1 google\b/i.test(headers.all('via').join(','))) evidence.push('header:via=google');
    const server = headers.get('server') ?? '';
    if (/^(?:gws|GFE\/|Google Frontend|ESF)/i.test(server)) evidence.push(`header:server=${server.toLowerCase()}`);
    return toHeaderHit(evidence);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
