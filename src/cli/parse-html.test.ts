import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse-html.ts';
import { MAX_PARSE_CHARS } from './read-page.ts';

describe('parseHtml', () => {
  it('parses a page within the bound whole', async () => {
    const page = parseHtml('<title>Down</title><p>x</p>', 'https://a.test/', false);
    expect(page.isTruncated).toBe(false);
    expect(page.document.title).toBe('Down');
    await page.close();
  });

  it('parses only the first MAX_PARSE_CHARS characters of a larger page, and says so', async () => {
    const filler = '<div>x</div>'.repeat(Math.ceil(MAX_PARSE_CHARS / 12) + 1000);
    const page = parseHtml(`<title>Down</title>${filler}<p id="late">late</p>`, 'https://a.test/', false);
    expect(page.isTruncated).toBe(true);
    expect(page.document.title).toBe('Down');
    expect(page.document.getElementById('late')).toBeNull();
    await page.close();
  });
});
