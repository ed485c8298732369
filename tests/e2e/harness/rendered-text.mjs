// Proves that a page's text was drawn with real glyphs, not as missing-glyph boxes ("tofu"). A machine without a CJK
// font draws every Hangul syllable as the same box, and a screenshot of it still looks like a popup (the byte size of
// such a PNG is no evidence either way). `document.fonts.check()` does not help: it answers true whenever no font load
// is pending, whether or not any installed font has the glyph.
//
// The box has a known width: that of a code point no font has (U+0378 is unassigned). Chromium draws the primary
// font's .notdef glyph for it and Firefox a hex box of four digits, so in both browsers every missing BMP character is
// exactly as wide as U+0378 in the same element. A real glyph from a CJK font is a full em wide, which neither box is.

/** @typedef {{ char: string, element: string }} MissingGlyph */

/**
 * Runs in the page (serialised, so self-contained): every distinct non-ASCII character of the visible text that
 * measures as the missing-glyph box in the element that shows it.
 * @returns {MissingGlyph[]}
 */
export function findMissingGlyphs() {
  const NO_GLYPH = '\u0378';
  const TOLERANCE_PX = 0.01;
  /** @param {Element} parent @param {string} text */
  const widthIn = (parent, text) => {
    const span = document.createElement('span');
    span.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    span.textContent = text;
    parent.append(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  };
  /** @type {Map<Element, Set<string>>} */
  const charsByElement = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.getClientRects().length === 0) continue; // not rendered
    // ASCII always has a glyph (DejaVu at least); marks, format characters and spaces have no box of their own.
    const chars = [...(node.textContent ?? '')].filter((c) => c > '\u007f' && !/[\p{M}\p{Cf}\p{Z}]/u.test(c));
    if (!chars.length) continue;
    const seen = charsByElement.get(parent) ?? new Set();
    for (const c of chars) seen.add(c);
    charsByElement.set(parent, seen);
  }
  /** @type {MissingGlyph[]} */
  const missing = [];
  for (const [element, chars] of charsByElement) {
    const box = widthIn(element, NO_GLYPH);
    const name = `${element.localName}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
    for (const char of chars) {
      if (Math.abs(widthIn(element, char) - box) < TOLERANCE_PX) missing.push({ char, element: name });
    }
  }
  return missing;
}

/**
 * Throws unless every character on `page` rendered with a real glyph, once the page's web fonts (if any) settled.
 * @param {{ evaluate: <T>(fn: () => T | Promise<T>) => Promise<T> }} page a Playwright or Puppeteer page
 * @param {string} what names the page in the error
 */
export async function assertTextRendered(page, what) {
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const missing = await page.evaluate(findMissingGlyphs);
  if (!missing.length) return;
  const chars = [...new Set(missing.map((m) => m.char))];
  const where = [...new Set(missing.map((m) => m.element))];
  throw new Error(
    `${what}: ${chars.length} character(s) drew as missing-glyph boxes (tofu), e.g. "${chars.slice(0, 12).join('')}" ` +
      `in ${where.slice(0, 4).join(', ')}${where.length > 4 ? ` and ${where.length - 4} more` : ''}. ` +
      'Install a font that has them (Debian: fonts-noto-cjk).',
  );
}
