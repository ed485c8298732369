/**
 * Hot path: runs in the content script on every page a person opens, before any extraction.
 * Only O(1)-ish checks here (title regexes, getElementById, a glance at the body's first child): a normal
 * 200 page must be rejected in microseconds, never by scanning the document.
 */

/**
 * Titles used by CDN error, block and challenge templates (English; ids catch the localised ones). One regex, built
 * once, from alternatives listed a few to a line.
 */
const CANDIDATE_TITLE = new RegExp(
  [
    /just a moment|attention required|please wait|used cloudflare|\|\s*\d{3,4}:\s|\| cloudflare\s*$/,
    /ddos-guard|sucuri website firewall|you are being redirected|security checkpoint/,
    /request could not be satisfied|^access denied$|^error$|!!1$|^security check$|one more step/,
    /^[45]\d\d\b|unknown domain|our services aren't available|cloudflare access$/,
  ]
    .map((part) => part.source)
    .join('|'),
  'i',
);

/** Whether a page title is one a CDN error, block or challenge template uses (the background also asks this of a tab). */
export const isCandidateTitle = (title: string): boolean => CANDIDATE_TITLE.test(title.slice(0, 300));

/** Ids that only CDN/WAF templates use; `main-iframe` is Incapsula's block page, which is served with HTTP 200. */
const CANDIDATE_IDS = [
  'cf-wrapper',
  'cf-error-details',
  'challenge-form',
  'challenge-error-text',
  'challenge-running',
  'challenge-body-text',
  'cf-challenge-running',
  'cf-please-wait',
  'cf-content',
  'trk_jschal_js',
  'main-iframe',
] as const;

/** Longest plain-text body worth a look (`error code: 1020`, `DEPLOYMENT_NOT_FOUND` notes are far shorter). */
const TINY_BODY_CHARS = 400;

/**
 * Says whether a page might be a CDN error/block/challenge page and deserves `extractPageMarkers`.
 * @param status HTTP status of the main document when known; any status ≥ 400 is a candidate.
 * @example if (isCandidatePage(document, navigationStatus)) send(extractPageMarkers(document))
 */
export function isCandidatePage(doc: Document, status: number | null): boolean {
  if (status !== null && status >= 400) return true;
  if (isCandidateTitle(doc.title ?? '')) return true;
  for (const id of CANDIDATE_IDS) {
    if (doc.getElementById(id)) return true;
  }
  const body = doc.body;
  return body ? hasTinyBody(body) || hasBlankBody(body) : false;
}

/** A body that is bare text or a lone <pre> (how browsers show text/plain) with a short first text node. */
function hasTinyBody(body: HTMLElement): boolean {
  const first = body.firstElementChild;
  let holder: Element = body;
  if (first) {
    if (body.childElementCount !== 1 || first.tagName.toUpperCase() !== 'PRE') return false;
    holder = first;
  }
  let text = holder.firstChild;
  // Skip leading whitespace nodes cheaply; a tiny body has at most a few of them.
  for (let i = 0; text && text.nodeType !== 3 && i < 3; i++) text = text.nextSibling;
  if (text?.nodeType !== 3) return false;
  const data = (text as Text).data;
  return data.length > 0 && data.length <= TINY_BODY_CHARS && text.nextSibling === null;
}

/**
 * A body with no text and nothing but a few scripts: a script-only bot check (Imperva's) before its script reloads
 * the page. Looks at no more than a handful of child nodes.
 */
function hasBlankBody(body: HTMLElement): boolean {
  if (body.childElementCount > 3) return false;
  let child = body.firstChild;
  for (let seen = 0; child; seen++, child = child.nextSibling) {
    if (seen >= 8) return false;
    if (child.nodeType === 3 && ((child as Text).data ?? '').trim() !== '') return false;
    if (child.nodeType === 1 && !/^(?:SCRIPT|NOSCRIPT)$/i.test((child as Element).tagName)) return false;
  }
  return true;
}
