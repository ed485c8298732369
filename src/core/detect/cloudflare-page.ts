import { isAccessDenial } from './cloudflare-access.ts';
import { kindOfCloudflareCode, toErrorSource } from './cloudflare-codes.ts';
import type { Finding } from './detector.ts';
import { anyOf, findClass, findId, findResource, isSmallPage, toCode } from './page-queries.ts';
import { isServerErrorStatus, kindOfClientStatus } from './status-kinds.ts';
import type { PageMarkers } from './types.ts';

/**
 * Readers for Cloudflare-generated pages: challenges, the 1xxx/5xx error template (2020+ and older), the
 * unbranded nginx-style page and the plain-text `error code: NNNN` body. All rules key on template structure
 * (ids, classes, /cdn-cgi/ paths, title shapes); free text is read only inside a page already proven to be a template.
 */

const CHALLENGE_IDS = [
  'challenge-form',
  'challenge-running',
  'cf-challenge-running',
  'cf-please-wait',
  'trk_jschal_js',
  'trk_captcha_js',
  'jschl-answer',
  'cf-captcha-container',
  'challenge-stage',
];
const CHALLENGE_CLASSES = ['cf-browser-verification', 'cf-im-under-attack'];
// Orchestrate and token paths only appear on challenge pages; the jsd beacon (/challenge-platform/scripts/jsd/) does
// not count.
const CHALLENGE_PATH = anyOf([
  /\/cdn-cgi\/challenge-platform\/(?:h\/\w\/)?orchestrate\//,
  /__cf_chl_(?:\w*tk|opt)/,
  /\/cdn-cgi\/l\/chk_(?:jschl|captcha)/,
  /\/cdn-cgi\/styles\/challenges\.css/,
]);
const TEMPLATE_IDS = ['cf-wrapper', 'cf-error-details'];
const TEMPLATE_CLASSES = [
  'cf-error-details',
  'cf-error-details-wrapper',
  'cf-error-overview',
  'cf-error-code',
  'cf-error-footer',
];
const TEMPLATE_STYLES = /\/cdn-cgi\/styles\/(?:main|cf\.errors)\.css/;
const RAY_IN_TEXT = /Ray ID:?\s*([0-9a-f]{16})\b/;
const RAY_IN_SCRIPT = /cRay:\s*['"]([0-9a-f]{16})['"]|[?&]ray=([0-9a-f]{16})\b/;

/** The Ray ID printed in a footer, a challenge config or an orchestrate URL. */
export function readPageRayId(page: PageMarkers): string | null {
  const inText = RAY_IN_TEXT.exec(page.text)?.[1];
  if (inText) return inText;
  const inScript = RAY_IN_SCRIPT.exec(page.inlineScript);
  if (inScript) return inScript[1] ?? inScript[2] ?? null;
  for (const url of page.resources) {
    const match = /[?&]ray=([0-9a-f]{16})\b/.exec(url);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** A challenge page, branded or not, old or new; `challenge-failed` when it says its scripts could not load. */
export function readChallenge(page: PageMarkers): Finding | null {
  const evidence: string[] = [];
  if (page.inlineScript.includes('_cf_chl_opt')) evidence.push('script:_cf_chl_opt');
  if (CHALLENGE_PATH.test(page.inlineScript)) evidence.push('script:challenge-path');
  const id = findId(page, CHALLENGE_IDS);
  if (id) evidence.push(`id:${id}`);
  const cls = findClass(page, CHALLENGE_CLASSES);
  if (cls) evidence.push(`class:${cls}`);
  if (findResource(page, CHALLENGE_PATH)) evidence.push('resource:challenge-path');
  if (evidence.length === 0) return null;
  // "Please unblock challenges.cloudflare.com to proceed." is written into #challenge-error-text when the
  // challenge script is blocked (ad-blocker, DNS filter) or Cloudflare's challenge platform is down.
  const failed = /challenges\.cloudflare\.com/i.test(page.text);
  if (failed) evidence.push('text:unblock-challenges');
  return { kind: failed ? 'challenge-failed' : 'challenge', code: null, evidence, fromPage: true };
}

/** Evidence that the page is Cloudflare's 1xxx/5xx/WAF template (any generation), or an empty list. */
function readTemplateMarkers(page: PageMarkers): string[] {
  const evidence: string[] = [];
  const id = findId(page, TEMPLATE_IDS);
  if (id) evidence.push(`id:${id}`);
  const cls = findClass(page, TEMPLATE_CLASSES);
  if (cls) evidence.push(`class:${cls}`);
  if (findResource(page, TEMPLATE_STYLES)) evidence.push('resource:cdn-cgi-styles');
  return evidence;
}

/**
 * Cloudflare's own number as the page shows it: title `host | 522: …` or `Error 1101 | …`, else the heading or
 * footer text (`Error code 520`, `Error 1020`, `Error reference number: 1020`). Never a `cf-error-NNN` class:
 * templates reused for other pages (Access, custom pages) keep those classes as leftovers.
 */
function readTemplateCode(page: PageMarkers, evidence: string[]): number | null {
  const inTitle = /\|\s*(\d{3,4}):\s/.exec(page.title) ?? /^Error (\d{3,4})\b/i.exec(page.title);
  if (inTitle) {
    evidence.push('title:code');
    return toCode(inTitle[1]);
  }
  const inText = /\bError(?: code| reference number:?)?\s+(\d{3,4})\b/i.exec(page.text);
  if (inText) {
    evidence.push('text:error-code');
    return toCode(inText[1]);
  }
  return null;
}

/** The error/block template, including one wrapped in a customer-branded page. */
export function readErrorTemplate(page: PageMarkers, status: number | null): Finding | null {
  const evidence = readTemplateMarkers(page);
  if (evidence.length === 0) return null;
  const code = readTemplateCode(page, evidence);
  if (isAccessDenial(page)) {
    return { kind: 'blocked', code, evidence: [...evidence, 'text:access-denied'], fromPage: true };
  }
  const source = toErrorSource(page.errorSourceId);
  if (source) evidence.push(`box:${page.errorSourceId}`);
  let kind = kindOfCloudflareCode(code, source);
  if (!kind && (/^Attention Required!/i.test(page.title) || /you have been blocked/i.test(page.text))) {
    evidence.push('template:waf-block');
    kind = 'blocked';
  }
  kind ??= kindOfCloudflareCode(status, null) ?? 'edge-error';
  return { kind, code, evidence, fromPage: true };
}

/** nginx-style page whose only branding is the server token: `502 Bad Gateway … cloudflare`. */
export function readUnbrandedPage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 300)) return null;
  const match = /^(\d{3}) [A-Za-z -]+ (?:cloudflare|cloudflare-nginx)$/i.exec(page.text);
  if (!match) return null;
  const code = status ?? toCode(match[1]);
  // Cloudflare's docs: an unbranded 5xx that names cloudflare was generated by Cloudflare itself. Its 403 is a refusal;
  // its 400 and 404 answer a malformed or unknown request, which is not a failure of the site.
  const kind = isServerErrorStatus(code) ? 'edge-error' : (kindOfClientStatus(code) ?? 'none');
  return { kind, code, evidence: ['text:server-token'], fromPage: true };
}

/** The body non-HTML clients get for 1xxx errors: exactly `error code: 1020`. */
export function readPlainErrorCode(page: PageMarkers): Finding | null {
  if (!page.isPlainText) return null;
  const match = /^error code:\s*(\d{3,4})$/i.exec(page.text);
  const code = toCode(match?.[1]);
  if (code === null) return null;
  const kind = kindOfCloudflareCode(code, null) ?? 'edge-error';
  return { kind, code, evidence: ['text:plain-error-code'], fromPage: true };
}
