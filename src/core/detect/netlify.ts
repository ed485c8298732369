import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import { isSmallPage } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

function readPage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 600)) return null;
  // Served when a hostname points at Netlify but no site claims it (the subdomain-takeover fingerprint).
  if (/^Not Found - Request ID: [0-9A-Za-z-]+$/.test(page.text)) {
    return { kind: 'site-config', code: status, evidence: ['text:not-found-request-id'], fromPage: true };
  }
  return null;
}

/**
 * Netlify: `server: Netlify`, `x-nf-request-id`. Its default "Page not found … broken link" page is the
 * site's own 404 (kind none), so only the unclaimed-host page is a finding.
 */
export const netlify: Detector = {
  id: 'netlify',
  vendor: 'netlify',
  readHeaders(headers) {
    const evidence: string[] = [];
    if (/^netlify$/i.test(headers.get('server') ?? '')) evidence.push('header:server=netlify');
    if (headers.has('x-nf-request-id')) evidence.push('header:x-nf-request-id');
    return toHeaderHit(evidence);
  },
  inspect: ({ page, status }) => (page ? readPage(page, status) : null),
};
