import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { findResource } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

function readPage(page: PageMarkers, status: number | null): Finding | null {
  // JS cookie challenge: "You are being redirected..." whose script sets sucuri_cloudproxy_js.
  if (page.inlineScript.includes('sucuri_cloudproxy_js')) {
    return { kind: 'challenge', code: null, evidence: ['script:sucuri_cloudproxy_js'], fromPage: true };
  }
  const titled = /^Sucuri WebSite Firewall/i.test(page.title);
  const styled = findResource(page, /cdn\.sucuri\.net\/sucuri-firewall-block\.css/);
  if (!titled && !styled) return null;
  const evidence = [titled ? 'title:sucuri-firewall' : 'resource:sucuri-firewall-block'];
  // Its 5xx pages ("Not able to connect", "Gateway timeout") reuse the firewall template.
  const isOriginError =
    (status !== null && status >= 500) ||
    /not able to connect|unable to connect|gateway time-?out|bad gateway/i.test(page.title);
  return { kind: isOriginError ? 'origin-error' : 'blocked', code: null, evidence, fromPage: true };
}

/** Sucuri WebSite Firewall (CloudProxy): `x-sucuri-id`, block page, JS challenge. */
export const sucuri: Detector = {
  id: 'sucuri',
  vendor: 'sucuri',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (headers.has('x-sucuri-id')) evidence.push('header:x-sucuri-id');
    if (headers.has('x-sucuri-block')) evidence.push('header:x-sucuri-block');
    if (headers.has('x-sucuri-cache')) evidence.push('header:x-sucuri-cache');
    if (/^Sucuri\/Cloudproxy/i.test(headers.get('server') ?? '')) evidence.push('header:server=sucuri');
    return toHeaderHit(evidence);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
