import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { isSmallPage } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

function readPage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 1000)) return null;
  if (/Microsoft-Azure-Application-Gateway/i.test(page.text)) {
    const kind = status === 403 ? 'blocked' : status !== null && status >= 500 ? 'origin-error' : 'site-config';
    return { kind, code: status, evidence: ['text:application-gateway'], fromPage: true };
  }
  // Front Door's page: "Our services aren't available right now" + "Ref A: … Ref B: … Ref C: …".
  if (!/Our services aren.t available right now/i.test(page.text) || !/Ref A:/.test(page.text)) return null;
  // 400 is Front Door's answer for a host it has no route for; 5xx means the origin timed out or misbehaved.
  const kind = status !== null && status < 500 ? 'site-config' : 'origin-error';
  return { kind, code: status, evidence: ['text:front-door'], fromPage: true };
}

/** Azure Front Door / Azure CDN / Application Gateway. */
export const azure: Detector = {
  id: 'azure',
  vendor: 'azure',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (headers.has('x-azure-ref')) evidence.push('header:x-azure-ref');
    if (headers.has('x-msedge-ref')) evidence.push('header:x-msedge-ref');
    // Azure CDN from Edgio (ex-Verizon/Edgecast) answers with ECAcc/ECS/ECD server tokens.
    if (/^EC(?:Acc|S|D)\b/.test(headers.get('server') ?? '')) evidence.push('header:server=edgecast');
    return toHeaderHit(evidence);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
