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
