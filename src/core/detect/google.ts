import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { isSmallPage, toCode } from './page-queries.ts';
import { isServerErrorStatus, kindOfClientStatus, mayBeErrorPage } from './status-kinds.ts';
import type { PageMarkers } from './types.ts';

/** The Google Front End's own page: title "Error 502 (Server Error)!!1", body "502. That’s an error." */
function readFrontEndPage(page: PageMarkers, status: number | null): Finding | null {
  const title = /^Error (\d{3}) \([^)]*\)!!1$/.exec(page.title);
  if (!title || !/That.s an error/.test(page.text)) return null;
  const code = status ?? toCode(title[1]);
  // GFE's 5xx means the service behind the load balancer failed; its 404 is a missing page, not an outage.
  const kind = isServerErrorStatus(code) ? 'origin-error' : (kindOfClientStatus(code) ?? 'none');
  return { kind, code, evidence: ['title:gfe-error'], fromPage: true };
}

/**
 * Cloud Load Balancing and App Engine's plain page: title "502 Server Error", heading "Error: Server Error", then
 * "The server encountered a (temporary) error and could not complete your request". App Engine's quota page says
 * "Error: Over Quota": the owner's spending limit, so configuration.
 */
function readServerErrorPage(page: PageMarkers, status: number | null): Finding | null {
  const title = /^(\d{3}) (?:Server Error|Over Quota)$/.exec(page.title);
  const heading = /^Error: (Server Error|Over Quota)\b/.exec(page.text);
  if (!title || !heading || !mayBeErrorPage(status)) return null;
  const code = status ?? toCode(title[1]);
  if (heading[1] === 'Over Quota') {
    return { kind: 'site-config', code, evidence: ['text:over-quota'], fromPage: true, platform: 'google-app-engine' };
  }
  return {
    kind: isServerErrorStatus(code) ? 'origin-error' : 'none',
    code,
    evidence: ['text:gfe-server-error'],
    fromPage: true,
  };
}

function readPage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 1000)) return null;
  return readFrontEndPage(page, status) ?? readServerErrorPage(page, status);
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
