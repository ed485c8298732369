import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { findResource } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

function readPage(page: PageMarkers): Finding | null {
  // The block page is an iframe#main-iframe onto /_Incapsula_Resource, usually served with HTTP 200.
  const frame = page.ids.includes('main-iframe') && findResource(page, /\/_Incapsula_Resource\?/);
  if (!frame) return null;
  return { kind: 'blocked', code: null, evidence: ['id:main-iframe', 'resource:_Incapsula_Resource'], fromPage: true };
}

/** Imperva / Incapsula: `x-iinfo`, `x-cdn: Incapsula`, incap cookies; the "Request unsuccessful" iframe page. */
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
