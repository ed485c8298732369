import { toHeaderHit, type Detector } from './detector.ts';

/**
 * Bunny CDN: `server: BunnyCDN-DE1-1091`, `cdn-pullzone`, `cdn-requestid`. Bunny's own error page text is not
 * documented, so Bunny is recognised from headers only; an origin 5xx it relays is classified by the registry's
 * pass-through rule.
 */
export const bunny: Detector = {
  id: 'bunny',
  vendor: 'bunny',
  readHeaders(headers) {
    const evidence: string[] = [];
    const server = /^BunnyCDN-([A-Z]+)\d*-\d+$/i.exec(headers.get('server') ?? '');
    if (server) evidence.push('header:server=bunnycdn');
    if (headers.has('cdn-pullzone')) evidence.push('header:cdn-pullzone');
    if (headers.has('cdn-requestid')) evidence.push('header:cdn-requestid');
    // The server token names Bunny's region (DE, FR, NY, LA…), which is Bunny's code, not always an IATA code.
    return toHeaderHit(evidence, server?.[1]?.toUpperCase() ?? null);
  },
  inspect: () => null,
};
