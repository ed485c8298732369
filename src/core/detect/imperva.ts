import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { findResource, isSmallPage } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

const INCAPSULA_RESOURCE = /\/_Incapsula_Resource\?/;

function readPage(page: PageMarkers): Finding | null {
  // The block page is an iframe#main-iframe onto /_Incapsula_Resource, usually served with HTTP 200.
  if (page.ids.includes('main-iframe') && findResource(page, INCAPSULA_RESOURCE)) {
    return {
      kind: 'blocked',
      code: null,
      evidence: ['id:main-iframe', 'resource:_Incapsula_Resource'],
      fromPage: true,
    };
  }
  // The bot check is a blank page whose only resource is the /_Incapsula_Resource script that sets the cookie and
  // reloads (at most a "please enable JavaScript" line). Normal pages, even a bare origin 404, carry the same script
  // beside text or assets of their own, so the page must be blank and every resource must be Incapsula's.
  const isBlank = page.text === '' || (isSmallPage(page, 120) && /JavaScript/i.test(page.text));
  const isScriptOnly =
    isBlank &&
    page.title === '' &&
    page.ids.length === 0 &&
    page.resources.length > 0 &&
    page.resources.every((url) => INCAPSULA_RESOURCE.test(url));
  if (!isScriptOnly) return null;
  return { kind: 'challenge', code: null, evidence: ['page:incapsula-script-only'], fromPage: true };
}

/**
 * Imperva / Incapsula: `x-iinfo`, `x-cdn: Incapsula`, incap cookies; the "Request unsuccessful" iframe page and the
 * script-only bot check.
 */
export const imperva: Detector = {
  id: 'imperva',
  vendor: 'imperva',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (headers.has('x-iinfo')) evidence.push('header:x-iinfo');
    if (/incapsula|imperva/i.test(headers.get('x-cdn') ?? '')) evidence.push('header:x-cdn=imperva');
    if (/\b(?:visid_incap|incap_ses)_/.test(headers.all('set-cookie').join(';'))) evidence.push('header:incap-cookie');
    return toHeaderHit(evidence);
  },
  inspect: ({ page }) => (page ? readPage(page) : null),
};
