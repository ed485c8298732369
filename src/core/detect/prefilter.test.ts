import { afterAll, describe, expect, it } from 'vitest';
import { parseHtml, type ParsedPage } from '../../cli/parse-html.ts';
import { isCandidatePage } from './prefilter.ts';

const opened: ParsedPage[] = [];
afterAll(async () => {
  await Promise.all(opened.map((page) => page.close()));
});

function parse(html: string, isPlainText = false): Document {
  const page = parseHtml(html, 'https://page.test/', isPlainText);
  opened.push(page);
  return page.document;
}

const NORMAL = '<title>Recipes — Lemon tart</title><h1>Lemon tart</h1><p>Zest two lemons.</p><pre>code sample</pre>';

describe('isCandidatePage', () => {
  it('rejects a normal 200 page', () => {
    expect(isCandidatePage(parse(NORMAL), 200)).toBe(false);
    expect(isCandidatePage(parse(NORMAL), null)).toBe(false);
  });

  it('accepts any status ≥ 400, whatever the page', () => {
    expect(isCandidatePage(parse(NORMAL), 404)).toBe(true);
    expect(isCandidatePage(parse(NORMAL), 503)).toBe(true);
  });

  it.each([
    ['Just a moment...'],
    ['Attention Required! | Cloudflare'],
    ['Access denied | shop.example used Cloudflare to restrict access'],
    ['shop.example | 522: Connection timed out'],
    ['ERROR: The request could not be satisfied'],
    ['DDoS-Guard'],
    ['Error 502 (Server Error)!!1'],
    ['503 first byte timeout'],
  ])('accepts the CDN title %s on a 200', (title) => {
    expect(isCandidatePage(parse(`<title>${title}</title><p>x</p><p>y</p>`), 200)).toBe(true);
  });

  it.each([['cf-wrapper'], ['challenge-form'], ['challenge-error-text'], ['cf-please-wait'], ['main-iframe']])(
    'accepts a page carrying #%s on a 200 (Incapsula blocks with HTTP 200)',
    (id) => {
      expect(isCandidatePage(parse(`<title>Shop</title><div id="${id}"></div><p>x</p>`), 200)).toBe(true);
    },
  );

  it('accepts a tiny plain-text body such as `error code: 1020`', () => {
    expect(isCandidatePage(parse('error code: 1020'), null)).toBe(true);
    expect(isCandidatePage(parse('error code: 1020', true), null)).toBe(true);
  });

  it('accepts a blank body holding only scripts (a script-only bot check) and the Access sign-in title', () => {
    const botCheck =
      '<html><head><script src="/_Incapsula_Resource?SWJIYLWA=ab12"></script></head><body> </body></html>';
    expect(isCandidatePage(parse(botCheck), 200)).toBe(true);
    expect(isCandidatePage(parse('<body><script src="/_Incapsula_Resource?x=1"></script>\n</body>'), 200)).toBe(true);
    expect(isCandidatePage(parse('<title>Sign in ・ Cloudflare Access</title><p>x</p><p>y</p>'), 200)).toBe(true);
  });

  it('rejects an app shell whose root element is still empty', () => {
    const shell = '<title>App</title><div id="root"></div><script src="/app.js"></script>';
    expect(isCandidatePage(parse(shell), 200)).toBe(false);
  });

  it('rejects a long plain-text body (a text file someone opened)', () => {
    expect(isCandidatePage(parse('line of a log file\n'.repeat(100), true), 200)).toBe(false);
  });

  it('does not take a normal page with a Turnstile widget or a beacon for a candidate', () => {
    const html = `<title>Sign in</title><div class="cf-turnstile"></div><div id="cf-invisible-turnstile"></div>
      <script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>`;
    expect(isCandidatePage(parse(html), 200)).toBe(false);
  });
});
