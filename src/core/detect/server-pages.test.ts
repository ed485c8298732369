/**
 * A plain 5xx with no CDN is the site failing: `origin-error`, vendor null, with the server or platform named when its
 * default page or headers say which. The same pages answered with 2xx or 4xx are not failures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aRendering, classifyHtml, render } from '../../../tests/support/page-variants.ts';
import type { Platform } from './types.ts';

const RUNS = { numRuns: 50 };
const PHRASES: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

const nginxStyle = (status: number, token: string) =>
  `<html><head><title>${status} ${PHRASES[status]}</title></head>
<body><center><h1>${status} ${PHRASES[status]}</h1></center>
${token ? `<hr><center>${token}</center>` : ''}</body></html>`;

/** Default pages as each server ships them, keyed by the platform they name. */
const PAGES: ReadonlyArray<readonly [Platform | null, (status: number) => string]> = [
  ['nginx', (status) => nginxStyle(status, 'nginx/1.25.3')],
  ['nginx', (status) => nginxStyle(status, 'nginx')],
  ['openresty', (status) => nginxStyle(status, 'openresty/1.21.4.1')],
  ['tengine', (status) => nginxStyle(status, 'Tengine')],
  ['aws-elb', (status) => nginxStyle(status, 'awselb/2.0')],
  [null, (status) => nginxStyle(status, 'ELB')],
  [
    'apache',
    (status) =>
      `<html><head><title>${status} ${PHRASES[status]}</title></head><body><h1>${PHRASES[status]}</h1>
<p>The proxy server received an invalid response from an upstream server.</p>
<hr><address>Apache/2.4.62 (Unix) Server at www.example.test Port 443</address></body></html>`,
  ],
  [
    'iis',
    (status) =>
      `<html><head><title>Service Unavailable</title></head><body><h2>Service Unavailable</h2>
<hr><p>HTTP Error ${status}. The service is unavailable.</p></body></html>`,
  ],
  [
    'tomcat',
    (status) =>
      `<html lang="en"><head><title>HTTP Status ${status} – ${PHRASES[status]}</title></head>
<body><h1>HTTP Status ${status} – ${PHRASES[status]}</h1><hr class="line"><h3>Apache Tomcat/9.0.85</h3></body></html>`,
  ],
  [
    'haproxy',
    (status) =>
      `<html><body><h1>${status} ${PHRASES[status]}</h1>
No server is available to handle this request.
</body></html>`,
  ],
  [
    'aspnet',
    () =>
      `<html><head><title>Runtime Error</title></head><body><span><h1>Server Error in '/' Application.<hr></h1>
<h2><i>Runtime Error</i></h2></span><p>An application error occurred on the server.</p></body></html>`,
  ],
  [
    'heroku',
    () =>
      '<html><head><title>Application Error</title></head>' +
      '<body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe></body></html>',
  ],
];

describe('plain 5xx with no CDN', () => {
  it('is origin-error with vendor null and the platform the page names, in any rendering', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.constantFrom(500, 502, 503, 504),
        aRendering,
        ([platform, page], status, rendering) => {
          const detection = classifyHtml(render(page(status), rendering), { status });
          expect(detection).toMatchObject({ vendor: null, kind: 'origin-error', code: status, unconfirmed: false });
          expect(detection.platform).toBe(platform ?? undefined);
          expect(detection.evidence).toContain(`status:${status}`);
        },
      ),
      RUNS,
    );
  });

  it('is origin-error for any page at all, even a branded one, because the status says so', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 599 }),
        fc.constantFrom('<h1>Wartungsarbeiten</h1>', '<h1>점검 중입니다</h1>', ''),
        (status, body) => {
          expect(classifyHtml(`<html><body>${body}</body></html>`, { status })).toMatchObject({
            vendor: null,
            kind: 'origin-error',
          });
        },
      ),
      RUNS,
    );
  });

  it('reads the status from the page when the response status is unknown', () => {
    for (const [platform, page] of PAGES) {
      const detection = classifyHtml(page(502), { status: null });
      expect(detection, String(platform)).toMatchObject({ vendor: null, kind: 'origin-error' });
    }
  });

  it('stays none when the same page is answered with 200 or a 4xx', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGES), fc.constantFrom(200, 203, 400, 404, 410), ([, page], status) => {
        expect(classifyHtml(page(502), { status }).kind).toBe('none');
      }),
      RUNS,
    );
  });
});

describe('platforms named by headers', () => {
  const HEADERS: ReadonlyArray<readonly [Platform, string]> = [
    ['heroku', 'via: 1.1 vegur'],
    ['heroku', 'via: 2.0 heroku-router'],
    ['fly', 'fly-request-id: 01HX-iad'],
    ['render', 'x-render-origin-server: gunicorn'],
    ['aws-api-gateway', 'x-amzn-errortype: InternalServerErrorException'],
    ['aws-elb', 'server: awselb/2.0'],
    ['iis', 'server: Microsoft-IIS/10.0'],
    ['envoy', 'server: istio-envoy'],
    ['azure-app-service', 'set-cookie: ARRAffinity=abc; Path=/'],
  ];

  it('names the platform on a failing response, and on nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEADERS),
        fc.constantFrom(200, 404, 500, 502, 503),
        ([platform, header], status) => {
          const detection = classifyHtml('<html><body><p>x</p></body></html>', { status, headers: [header] });
          expect(detection.platform).toBe(status >= 500 ? platform : undefined);
          expect(detection.kind).toBe(status >= 500 ? 'origin-error' : 'none');
        },
      ),
      RUNS,
    );
  });

  it('reads the plain-text bodies of Envoy and API Gateway', () => {
    expect(classifyHtml('no healthy upstream', { status: 503, isPlainText: true }).platform).toBe('envoy');
    const apiGateway = classifyHtml('{"message":"Internal server error"}', { status: null, isPlainText: true });
    expect(apiGateway).toMatchObject({ kind: 'origin-error', code: 500, platform: 'aws-api-gateway' });
  });

  it('reads Heroku’s application-error page served unframed', () => {
    const page = `<html><head><title>Application Error</title></head><body><div class="message">
<div class="message__title">Application Error</div><p>An error occurred in the application and your page could not be
served. If you are the application owner, check your logs for details. You can do this from the Heroku CLI with the
command <code>heroku logs --tail</code></p></div></body></html>`;
    expect(classifyHtml(page, { status: 503 })).toMatchObject({
      vendor: null,
      kind: 'origin-error',
      platform: 'heroku',
    });
    expect(classifyHtml(page, { status: 200 }).kind).toBe('none');
  });

  it('reads a platform’s unclaimed-host page as configuration', () => {
    const noApp =
      '<html><head><title>Heroku | No such app</title></head>' +
      '<body><iframe src="//www.herokucdn.com/error-pages/no-such-app.html"></iframe></body></html>';
    expect(classifyHtml(noApp, { status: 404 })).toMatchObject({ kind: 'site-config', platform: 'heroku' });
    const pages = `<html><head><title>Site not found · GitHub Pages</title></head><body><h1>404</h1>
<p><strong>There isn’t a GitHub Pages site here.</strong></p>
<p>If you’re trying to publish one, read the documentation.</p></body></html>`;
    expect(classifyHtml(pages, { status: 404 })).toMatchObject({ kind: 'site-config', platform: 'github-pages' });
    expect(classifyHtml(pages, { status: 200 }).kind).toBe('none');
    const bucket = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>
<BucketName>assets.example</BucketName><RequestId>4T2ZQ</RequestId><HostId>aGVsbG8=</HostId></Error>`;
    expect(classifyHtml(bucket, { status: 404 })).toMatchObject({ vendor: null, kind: 'site-config', code: 404 });
    expect(classifyHtml(bucket, { status: null }).kind).toBe('site-config');
  });
});
