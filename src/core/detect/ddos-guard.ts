import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { findResource } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

function readPage(page: PageMarkers): Finding | null {
  const evidence: string[] = [];
  if (/^DDoS-Guard$/i.test(page.title)) evidence.push('title:ddos-guard');
  if (findResource(page, /\/\.well-known\/ddos-guard\//)) evidence.push('resource:ddos-guard-check');
  if (page.inlineScript.includes('/.well-known/ddos-guard/')) evidence.push('script:ddos-guard-check');
  return evidence.length > 0 ? { kind: 'challenge', code: null, evidence, fromPage: true } : null;
}

/** DDoS-Guard: `server: ddos-guard`, `__ddg*` cookies; its browser check titled "DDoS-Guard". */
export const ddosGuard: Detector = {
  id: 'ddos-guard',
  vendor: 'ddos-guard',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (/^ddos-guard$/i.test(headers.get('server') ?? '')) evidence.push('header:server=ddos-guard');
    if (/\b__ddg\d?_?/.test(headers.all('set-cookie').join(';'))) evidence.push('header:ddg-cookie');
    return toHeaderHit(evidence);
  },
  inspect: ({ page }) => (page ? readPage(page) : null),
};
