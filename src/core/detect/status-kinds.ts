import type { DetectionKind } from './types.ts';

/**
 * The 4xx statuses that mean "you were refused" (forbidden, rate-limited, legally blocked). A CDN's own page with any
 * other 4xx (404, 405, 410 ...) is the site's answer to the request, not a block: the CDN only relayed or synthesised
 * it on the site's behalf.
 */
const REFUSALS: ReadonlySet<number> = new Set([403, 429, 451]);

/** `blocked` for a refusal status, `none` for any other client error; null outside 400–499. */
export function kindOfClientStatus(code: number | null): DetectionKind | null {
  if (code === null || code < 400 || code > 499) return null;
  return REFUSALS.has(code) ? 'blocked' : 'none';
}

/**
 * False for a 1xx–3xx answer. Error pages recognised by their wording are never served that way, so a page with such
 * a status that carries the wording is quoting it (a Q&A answer, a help page) and must not be read as the error.
 */
export function mayBeErrorPage(status: number | null): boolean {
  return status === null || status >= 400;
}

/** True for a 5xx status: whoever generated the page, the request failed on the server side. */
export function isServerErrorStatus(code: number | null): code is number {
  return code !== null && code >= 500 && code <= 599;
}
