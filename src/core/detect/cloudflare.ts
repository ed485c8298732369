import { readAccessPage } from './cloudflare-access.ts';
import { kindOfCloudflareCode } from './cloudflare-codes.ts';
import {
  readChallenge,
  readErrorTemplate,
  readPageRayId,
  readPlainErrorCode,
  readUnbrandedPage,
} from './cloudflare-page.ts';
import { toHeaderHit, type Detector, type Finding } from './detector.ts';
import type { HeaderView } from './headers.ts';
import { findResource, toIata } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

function readHeaders(headers: HeaderView) {
  const evidence: string[] = [];
  const server = headers.get('server')?.toLowerCase();
  if (server === 'cloudflare' || server === 'cloudflare-nginx') evidence.push(`header:server=${server}`);
  const ray = /^([0-9a-f]{16})(?:-([A-Za-z]{3}))?$/i.exec(headers.get('cf-ray') ?? '');
  if (ray) evidence.push('header:cf-ray');
  if (headers.has('cf-mitigated')) evidence.push('header:cf-mitigated');
  if (headers.has('cf-cache-status')) evidence.push('header:cf-cache-status');
  return toHeaderHit(evidence, toIata(ray?.[2]), ray?.[1]?.toLowerCase() ?? null);
}

/** Statuses that Cloudflare alone emits, decisive with Cloudflare headers even without a page. */
function readDecisiveHeaders(headers: HeaderView | null, status: number | null): Finding | null {
  if (headers?.get('cf-mitigated')?.toLowerCase() === 'challenge') {
    return { kind: 'challenge', code: status, evidence: ['header:cf-mitigated=challenge'], fromPage: false };
  }
  if (status !== null && status >= 520 && status <= 530) {
    const kind = kindOfCloudflareCode(status, null);
    if (kind) return { kind, code: status, evidence: [`status:${status}`], fromPage: false };
  }
  return null;
}

function inspectPage(page: PageMarkers, status: number | null): Finding | null {
  const finding =
    readPlainErrorCode(page) ??
    readChallenge(page) ??
    readErrorTemplate(page, status) ??
    readAccessPage(page) ??
    readUnbrandedPage(page, status);
  if (!finding) return null;
  return { ...finding, rayId: readPageRayId(page) };
}

/**
 * Cloudflare: challenges, 1xxx/5xx templates (2013–2025), WAF block and Access pages, plain-text codes,
 * `cf-mitigated`.
 */
export const cloudflare: Detector = {
  id: 'cloudflare',
  vendor: 'cloudflare',
  readHeaders,
  inspect({ page, status, headers }, hit) {
    const fromPage = page ? inspectPage(page, status) : null;
    const challengeHeader = readDecisiveHeaders(headers, status);
    if (challengeHeader?.kind === 'challenge' && fromPage?.kind !== 'challenge-failed') {
      // A customer-branded challenge carries no template markers; the header is the proof.
      return { ...challengeHeader, evidence: [...challengeHeader.evidence, ...(fromPage?.evidence ?? [])] };
    }
    if (fromPage) return fromPage;
    return hit ? challengeHeader : null;
  },
  readHints(page) {
    const hints: string[] = [];
    if (page.inlineScript.includes('__CF$cv$params')) hints.push('script:cf-beacon');
    if (page.classes.includes('__cf_email__')) hints.push('class:__cf_email__');
    // Same-origin /cdn-cgi/ paths exist only behind Cloudflare's proxy (beacons, email-decode, rum).
    if (findResource(page, /^\/cdn-cgi\//)) hints.push('resource:cdn-cgi');
    return hints.length > 0 ? hints : null;
  },
};
