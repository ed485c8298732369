import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { readAppServicePage } from './azure-app-service.ts';
import { isSmallPage, toCode } from './page-queries.ts';
import { isServerErrorStatus, kindOfClientStatus, mayBeErrorPage } from './status-kinds.ts';
import type { PageMarkers } from './types.ts';

// Front Door's reference: "Ref A: <32 hex> Ref B: … Ref C: …" (classic), or only the base64 tracking string
// (as in its `x-azure-ref` header of the time), or the newer `20240101T000000Z-…` form.
const FRONT_DOOR_REF = /Ref A: [0-9A-F]{32}\b|(?:^|\s)[A-Za-z0-9+/]{40,}={0,2}(?:\s|$)|\b\d{8}T\d{6}Z-[0-9a-z]{10,}/;

function readFrontDoor(page: PageMarkers, status: number | null): Finding | null {
  if (!/^Our services aren.t available right now\b/i.test(page.text) || !FRONT_DOOR_REF.test(page.text)) return null;
  // 400 is Front Door's answer for a host it has no route for; 5xx means the origin timed out or misbehaved.
  const kind = status !== null && status < 500 ? 'site-config' : 'origin-error';
  return { kind, code: status, evidence: ['text:front-door'], fromPage: true };
}

function readApplicationGateway(page: PageMarkers, status: number | null): Finding | null {
  // nginx-style "403 Forbidden" signed Microsoft-Azure-Application-Gateway/v1 or /v2.
  if (!/Microsoft-Azure-Application-Gateway\b/i.test(page.text)) return null;
  const code = status ?? toCode(/^(\d{3}) /.exec(page.text)?.[1]);
  const kind = isServerErrorStatus(code) ? 'origin-error' : (kindOfClientStatus(code) ?? 'site-config');
  return { kind, code, evidence: ['text:application-gateway'], fromPage: true };
}

function readPage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 1200) || !mayBeErrorPage(status)) return null;
  return readApplicationGateway(page, status) ?? readFrontDoor(page, status) ?? readAppServicePage(page, status);
}

/** Azure Front Door / Azure CDN / Application Gateway, and App Service's front end (platform `azure-app-service`). */
export const azure: Detector = {
  id: 'azure',
  vendor: 'azure',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (headers.has('x-azure-ref')) evidence.push('header:x-azure-ref');
    if (headers.has('x-msedge-ref')) evidence.push('header:x-msedge-ref');
    // Azure CDN from Edgio (ex-Verizon/Edgecast) answers with ECAcc/ECS/ECD server tokens.
    const server = headers.get('server') ?? '';
    if (/^EC(?:Acc|S|D)\b/.test(server)) evidence.push('header:server=edgecast');
    if (/^Microsoft-Azure-Application-Gateway\//i.test(server)) evidence.push('header:server=application-gateway');
    return toHeaderHit(evidence);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
