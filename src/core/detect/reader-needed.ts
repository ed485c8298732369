/**
 * Whether a tab's page may be an error, block or challenge page and must be read, decided from the main-frame
 * response alone (status, headers, URL), before the page exists. Only such pages get the reader (the background
 * injects it); every other page loads as if the extension were not there.
 *
 * What this rule sees: any status >= 400; a response whose headers alone already say "challenge" or "blocked"
 * (`cf-mitigated`, ...); a challenge URL rewrite (`__cf_chl_`); and a small, uncacheable HTML answer from a CDN or WAF
 * whose headers name it, which is how Imperva serves its 200 block page and bot check.
 *
 * What it cannot see: a block or error page served with 200 and no vendor headers (a copy of Cloudflare's markup, an
 * origin that answers its own "error" page with 200, a bot check behind a CDN that strips its headers), or a vendor
 * page sent chunked with no Content-Length. The background's safe net for those is the page title once the page has
 * loaded (`isCandidateTitle`, read from the tab, not the page); a 200 page whose only sign is its ids or a tiny body
 * is not read at all.
 */
import { DETECTORS, classify } from './index.ts';
import { createHeaderView } from './headers.ts';
import type { HeaderList } from './types.ts';

export type ReadReason = 'status' | 'vendor-headers' | 'challenge-url' | 'small-vendor-page';

/** CDN block and challenge pages are a few KB; a page this small from a CDN that also forbids caching is read. */
const SMALL_PAGE_BYTES = 16 * 1024;
const CHALLENGE_URL = /[?&]__cf_chl_/;
const UNCACHEABLE = /no-store|no-cache|private/i;

export interface MainFrameAnswer {
  url: string;
  status: number;
  headers: HeaderList;
}

/**
 * Why the page must be read, or null when it is a normal page as far as its response shows.
 * @example needsReading({ url: 'https://a.example/', status: 522, headers: [] }) // 'status'
 */
export function needsReading({ url, status, headers }: MainFrameAnswer): ReadReason | null {
  if (status >= 400) return 'status';
  if (CHALLENGE_URL.test(url)) return 'challenge-url';
  if (classify({ url, status, headers, page: null }).kind !== 'none') return 'vendor-headers';
  return isSmallVendorPage(headers) ? 'small-vendor-page' : null;
}

function isSmallVendorPage(headers: HeaderList): boolean {
  const view = createHeaderView(headers);
  if (!/text\/html/i.test(view.get('content-type') ?? '')) return false;
  const length = Number(view.get('content-length') ?? Number.NaN);
  if (!(length >= 0 && length <= SMALL_PAGE_BYTES)) return false;
  if (!UNCACHEABLE.test(`${view.get('cache-control') ?? ''} ${view.get('pragma') ?? ''}`)) return false;
  return DETECTORS.some((detector) => detector.readHeaders(view) !== null);
}
