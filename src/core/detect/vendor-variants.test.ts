/**
 * Azure (Front Door old and new, Application Gateway v1/v2, App Service), Imperva, Fastly, Akamai and Google pages
 * across what must not matter: reference formats, rendering, extra whitespace, attribute order, and status where
 * the vendor documents several.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aRendering, classifyHtml, render } from '../../../tests/support/page-variants.ts';

const RUNS = { numRuns: 40 };

describe('Azure Front Door', () => {
  const references = fc.constantFrom(
    'Ref A: 0123456789ABCDEF0123456789ABCDEF Ref B: AMS231000000000 Ref C: 2026-01-10T10:00:00Z',
    'MDAxMTIyMzM0NDU1NjY3Nzg4OTlBQkNERUZFREdFMDQyMABFZGdl',
    '0ZMcLYAAAAAD0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ==',
    '20260110T101500Z-17c5a9b8d4f2xq9mhC1SEA3k2g00000003t000000000a1b2',
  );

  it('is recognised with or without "Ref A:", and its status picks route versus origin', () => {
    fc.assert(
      fc.property(
        references,
        fc.constantFrom(400, 503, 504, null),
        fc.boolean(),
        aRendering,
        (ref, status, titled, rendering) => {
          const title = titled ? "<title>Our services aren't available right now</title>" : '';
          const html = `<html><head>${title}</head><body><h2>Our services aren't available right now</h2>
<p>We're working to restore all services as soon as possible. Please check back soon.</p>${ref}</body></html>`;
          const kind = status === 400 ? 'site-config' : 'origin-error';
          expect(classifyHtml(render(html, rendering), { status })).toMatchObject({ vendor: 'azure', kind });
        },
      ),
      RUNS,
    );
  });

  it('is not recognised from the heading alone or on a 2xx page quoting it', () => {
    const bare = "<html><body><h2>Our services aren't available right now</h2><p>Back soon.</p></body></html>";
    expect(classifyHtml(bare, { status: 200 }).kind).toBe('none');
    const quoted = `<html><body><h2>Our services aren't available right now</h2>
<p>Ref A: 0123456789ABCDEF0123456789ABCDEF</p></body></html>`;
    expect(classifyHtml(quoted, { status: 200 }).kind).toBe('none');
  });
});

describe('Azure Application Gateway', () => {
  it('reads v1 and v2 pages by status: 403 blocked, 5xx the backend, 404 the site', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('v1', 'v2'),
        fc.constantFrom([403, 'blocked'], [502, 'origin-error'], [504, 'origin-error'], [404, 'none']),
        aRendering,
        (version, [status, kind], rendering) => {
          const phrase = { 403: 'Forbidden', 502: 'Bad Gateway', 504: 'Gateway Time-out', 404: 'Not Found' }[
            status as 403
          ];
          const html = `<html><head><title>${status} ${phrase}</title></head>
<body><center><h1>${status} ${phrase}</h1></center>
<hr><center>Microsoft-Azure-Application-Gateway/${version}</center></body></html>`;
          expect(classifyHtml(render(html, rendering), { status: status as number })).toMatchObject({
            vendor: 'azure',
            kind,
          });
        },
      ),
      RUNS,
    );
  });
});

describe('Azure App Service', () => {
  const PAGES = [
    [
      'Error 403 - This web app is stopped.',
      'The web app you have attempted to reach is currently stopped and does not accept any requests.',
      403,
      'site-config',
    ],
    ['Error 403 - Forbidden', 'The web app you have attempted to reach has blocked your access.', 403, 'blocked'],
    [
      '404 Web Site not found.',
      'You may be seeing this error due to one of the reasons listed below : ' +
        'Custom domain has not been configured inside Azure.',
      404,
      'site-config',
    ],
  ] as const;

  it('reads each documented page, in any rendering, with platform azure-app-service', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.boolean(),
        aRendering,
        ([heading, sentence, status, kind], hasHeaders, rendering) => {
          const html = `<!DOCTYPE html><html><head><title>Web App - Unavailable</title></head>
<body><div class="container"><h1>${heading}</h1><p>${sentence}</p>
<p>If you are the web app administrator, please see the documentation.</p></div></body></html>`;
          const headers = hasHeaders ? ['set-cookie: ARRAffinity=0123abcd; Path=/'] : null;
          expect(classifyHtml(render(html, rendering), { status, headers })).toMatchObject({
            vendor: 'azure',
            kind,
            platform: 'azure-app-service',
          });
        },
      ),
      RUNS,
    );
  });
});

describe('Imperva', () => {
  it('reads the script-only bot check as a challenge, wherever the script sits and whatever it carries', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.stringMatching(/^[0-9a-f]{8,32}$/),
        aRendering,
        (inBody, withNoscript, id, rendering) => {
          const script = `<script src="/_Incapsula_Resource?SWJIYLWA=${id}"></script>`;
          const noscript = withNoscript
            ? '<noscript>Please enable JavaScript to view the page content.</noscript>'
            : '';
          const head = `<meta name="robots" content="noindex,nofollow">${inBody ? '' : script}`;
          const html = `<html><head>${head}</head><body>${inBody ? script : ''}${noscript}</body></html>`;
          expect(classifyHtml(render(html, rendering), { status: 200 })).toMatchObject({
            vendor: 'imperva',
            kind: 'challenge',
          });
        },
      ),
      RUNS,
    );
  });

  it('leaves a page that has its own text or assets beside the injected script alone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          '<h1>Not Found</h1><p>The requested URL was not found on this server.</p>',
          '<div id="root"></div><script src="/static/app.js"></script>',
          '<p>Welcome</p>',
        ),
        fc.constantFrom(200, 404, null),
        (content, status) => {
          const injected = '<script async src="/_Incapsula_Resource?SWJIYLWA=ab&ns=1&cb=2"></script>';
          const html = `<html><head><title></title></head><body>${content}${injected}</body></html>`;
          expect(classifyHtml(html, { status }).kind).toBe('none');
        },
      ),
      RUNS,
    );
  });
});

describe('Fastly synthetic responses', () => {
  const aNode = fc.constantFrom('cache-lga21934-LGA', 'cache-iad-kiad7000025-IAD', 'cache-fra-eddf8230044-FRA');

  it('keeps a 404 the site’s own, a refusal a block, and reads the POP from the page and headers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          [404, 'Not Found', 'none'],
          [410, 'Gone', 'none'],
          [403, 'Forbidden', 'blocked'],
          [429, 'Too Many Requests', 'blocked'],
          [503, 'backend is unhealthy', 'origin-error'],
          [503, 'Service Unavailable', 'edge-error'],
        ),
        aNode,
        fc.boolean(),
        aRendering,
        ([status, phrase, kind], node, hasHeaders, rendering) => {
          const html = `<html><head><title>${status} ${phrase}</title></head>
<body><h1>Error ${status} ${phrase}</h1><p>${phrase}</p>
<h3>Guru Mediation:</h3><p>Details: ${node} 1760004000 2233445566</p><hr><p>Varnish cache server</p></body></html>`;
          const headers = hasHeaders ? [`x-served-by: cache-sjc10000-SJC, ${node}`] : null;
          const detection = classifyHtml(render(html, rendering), { status: status as number, headers });
          expect(detection).toMatchObject({ vendor: 'fastly', kind, colo: node.slice(-3) });
        },
      ),
      RUNS,
    );
  });
});

describe('Akamai reference prefixes', () => {
  const PREFIXES = [
    ['1', 'origin-error'],
    ['3', 'origin-error'],
    ['6', 'origin-error'],
    ['9', 'site-config'],
    ['11', 'origin-error'],
    ['18', 'blocked'],
    ['24', 'blocked'],
    ['30', 'origin-error'],
    ['97', 'origin-error'],
  ] as const;

  it('reads the prefix, entity-encoded or plain, under any of the error titles', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREFIXES),
        fc.boolean(),
        fc.constantFrom('Access Denied', 'Error', 'Invalid URL', 'Service Unavailable - DNS failure'),
        fc.constantFrom(400, 403, 500, 503, null),
        ([prefix, kind], encoded, title, status) => {
          const ref = `${prefix}.4a3b2c17.1760000000.5f6e7d8`;
          const shown = encoded ? `Reference&#32;&#35;${ref.replace(/\./g, '&#46;')}` : `Reference #${ref}`;
          const html = `<HTML><HEAD><TITLE>${title}</TITLE></HEAD><BODY><H1>${title}</H1>
An error occurred while processing your request.<P>${shown}
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;${ref}</P></BODY></HTML>`;
          expect(classifyHtml(html, { status })).toMatchObject({ vendor: 'akamai', kind });
        },
      ),
      RUNS,
    );
  });
});

describe('Google load balancer pages', () => {
  it('reads "Error: Server Error" as the backend failing, and App Engine\'s over-quota page as configuration', () => {
    fc.assert(
      fc.property(fc.constantFrom(500, 502, 503), fc.boolean(), aRendering, (status, temporary, rendering) => {
        const error = temporary ? 'a temporary error' : 'an error';
        const sentence = `The server encountered ${error} and could not complete your request.`;
        const html = `<html><head><title>${status} Server Error</title></head><body text=#000000 bgcolor=#ffffff>
<h1>Error: Server Error</h1><h2>${sentence}<p>Please try again in 30 seconds.</h2><h2></h2></body></html>`;
        expect(classifyHtml(render(html, rendering), { status })).toMatchObject({
          vendor: 'google',
          kind: 'origin-error',
        });
      }),
      RUNS,
    );
    const quota =
      '<html><head><title>503 Over Quota</title></head><body><h1>Error: Over Quota</h1>' +
      '<h2>This application is temporarily over its serving quota. Please try again later.</h2></body></html>';
    expect(classifyHtml(quota, { status: 503 })).toMatchObject({
      vendor: 'google',
      kind: 'site-config',
      platform: 'google-app-engine',
    });
  });
});
