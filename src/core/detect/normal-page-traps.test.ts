/**
 * Precision: normal pages that quote error texts (articles, Q&A, docs), carry a CDN's beacon, Turnstile widget,
 * e-mail obfuscation or injected WAF script, or are written in another language stay `none`, whatever they quote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aRendering, classifyHtml, PROSE, render } from '../../../tests/support/page-variants.ts';

/** Sentences every vendor's and server's error page carries, as people quote them. */
const QUOTES = [
  'Error code 522',
  'Connection timed out',
  'Sorry, you have been blocked',
  'Just a moment...',
  'Attention Required! | Cloudflare',
  'error code: 1020',
  'Please unblock challenges.cloudflare.com to proceed.',
  'Forbidden: You do not have permission to view this page',
  'Sign in ・ Cloudflare Access',
  'ERROR: The request could not be satisfied',
  'There might be too much traffic or a configuration error.',
  "CloudFront wasn't able to connect to the origin.",
  'Reference #18.4a3b2c17.1760000000.5f6e7d8',
  'Fastly error: unknown domain: static.example',
  'Guru Mediation: Details: cache-lga21934-LGA 1760000000',
  "Our services aren't available right now",
  'Ref A: 0123456789ABCDEF0123456789ABCDEF Ref B: AMS231000000000',
  'Microsoft-Azure-Application-Gateway/v2',
  'Error 403 - This web app is stopped.',
  'The web app you have attempted to reach has blocked your access.',
  '404 Web Site not found.',
  'Application error',
  'no healthy upstream',
  '502 Bad Gateway',
  'nginx/1.25.3',
  'HTTP Error 503. The service is unavailable.',
  'No server is available to handle this request.',
  'Error: Server Error',
  "There isn't a GitHub Pages site here.",
  'There is no app configured at that hostname.',
  'Request unsuccessful. Incapsula incident ID: 111000222333444-555666777888',
  '504: GATEWAY_TIMEOUT Code: FUNCTION_INVOCATION_TIMEOUT',
];

/** Vendor traces that sit on ordinary pages. */
const DECORATIONS = [
  '<script>window.__CF$cv$params={r:"7c8d9e0f1a2b3c4d",t:"MTcw"};</script>' +
    '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>',
  '<script defer src="https://static.cloudflareinsights.com/beacon.min.js" data-cf-beacon="{}"></script>',
  '<script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async></script>' +
    '<div class="cf-turnstile" data-sitekey="0x4AAA"></div><div id="cf-invisible-turnstile"></div>',
  '<a href="/cdn-cgi/l/email-protection#1a2b3c">' +
    '<span class="__cf_email__" data-cfemail="1a2b3c">[email&#160;protected]</span></a>',
  '<script async src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3&ns=1&cb=123"></script>',
  '',
];

const TITLES = [
  'How to fix 502 Bad Gateway errors in nginx',
  'Cloudflare 522 explained',
  'Why am I blocked? – Support forum',
  'CloudFront troubleshooting notes',
  '블로그 – 서버 오류 정리',
  'Fehlerseiten im Überblick',
];

const aQuotes = fc.array(fc.constantFrom(...QUOTES), { minLength: 1, maxLength: 4 });
const aDecorations = fc.subarray(DECORATIONS);

function article(
  title: string,
  quotes: readonly string[],
  decorations: readonly string[],
  lang: string,
  paragraphs: number,
) {
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const quote = quotes[i % quotes.length] ?? '';
    const [before, after] = [PROSE[i % PROSE.length], PROSE[(i + 3) % PROSE.length]];
    return `<p>${before} When it fails you may see “${quote}”. ${after}</p>`;
  }).join('');
  return `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main><article><h1>${title}</h1>${body}</article></main>${decorations.join('')}<footer>© 2026</footer></body></html>`;
}

describe('normal pages stay none', () => {
  it('long articles quoting any error text, with any vendor trace, at 200 or with the status unknown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TITLES),
        aQuotes,
        aDecorations,
        fc.constantFrom(200, null),
        aRendering,
        (title, quotes, decorations, status, rendering) => {
          const html = render(article(title, quotes, decorations, rendering.lang, 14), rendering);
          expect(classifyHtml(html, { status }).kind).toBe('none');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('short Q&A posts quoting an error text, answered with 200', () => {
    fc.assert(
      fc.property(aQuotes, aDecorations, aRendering, (quotes, decorations, rendering) => {
        const title = `Why do I get “${quotes[0]}”?`;
        const html = render(article(title, quotes, decorations, rendering.lang, 2), rendering);
        expect(classifyHtml(html, { status: 200 }).kind).toBe('none');
      }),
      { numRuns: 80 },
    );
  });

  it('a 200 page that is nothing but a server’s error page', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('502 Bad Gateway', '503 Service Unavailable', '504 Gateway Time-out'),
        fc.constantFrom('nginx', 'openresty', 'awselb/2.0', ''),
        (heading, token) => {
          const html = `<html><head><title>${heading}</title></head>
<body><center><h1>${heading}</h1></center><hr><center>${token}</center></body></html>`;
          expect(classifyHtml(html, { status: 200 }).kind).toBe('none');
        },
      ),
      { numRuns: 20 },
    );
  });

  it('normal pages with a vendor trace, in any language, keep kind none (the vendor may be hinted)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROSE),
        aDecorations,
        fc.constantFrom(200, 301, 404),
        aRendering,
        (prose, decorations, status, rendering) => {
          const html = render(
            `<html><head><title>Start</title></head>
<body><h1>${prose.slice(0, 20)}</h1><p>${prose}</p>${decorations.join('')}</body></html>`,
            rendering,
          );
          expect(classifyHtml(html, { status }).kind).toBe('none');
        },
      ),
      { numRuns: 60 },
    );
  });
});
