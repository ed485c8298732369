import type { PageMarkers } from './types.ts';

/** First of `ids` present on the page, or null. */
export function findId(page: PageMarkers, ids: readonly string[]): string | null {
  return ids.find((id) => page.ids.includes(id)) ?? null;
}

/** First of `classes` present on the page, or null. */
export function findClass(page: PageMarkers, classes: readonly string[]): string | null {
  return classes.find((name) => page.classes.includes(name)) ?? null;
}

/** First resource URL matching `pattern`, or null. */
export function findResource(page: PageMarkers, pattern: RegExp): string | null {
  return page.resources.find((url) => pattern.test(url)) ?? null;
}

/**
 * Error templates are short; articles and Q&A pages that quote them are not. Text-shape rules only apply
 * below this size so a quoted error in a long page never matches.
 */
const SMALL_PAGE_CHARS = 1500;

export function isSmallPage(page: PageMarkers, limit = SMALL_PAGE_CHARS): boolean {
  return page.text.length <= limit;
}

/**
 * One regex matching any of `patterns`, each kept as its own group so its anchors stay its own. Lets long lists of
 * alternatives (a vendor's reason lines, a server's stock sentences) be written one to a line.
 * @example anyOf([/^no healthy upstream$/, /^upstream request timeout$/]).test('no healthy upstream') // true
 */
export function anyOf(patterns: readonly RegExp[], flags = ''): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), flags);
}

/** Parses a decimal code, returning null when absent or out of the 100–9999 range. */
export function toCode(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const code = Number.parseInt(digits, 10);
  return code >= 100 && code <= 9999 ? code : null;
}

/** Upper-cased three-letter IATA code, or null. */
export function toIata(value: string | undefined): string | null {
  return value && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : null;
}
