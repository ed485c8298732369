import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHtml, type ParsedPage } from '../../cli/parse-html.ts';
import { DetectionSchema } from './detection-schema.ts';
import { classify, extractPageMarkers } from './index.ts';
import type { HeaderList, PageMarkers, PageSnapshot } from './types.ts';

const opened: ParsedPage[] = [];
afterAll(async () => {
  await Promise.all(opened.map((page) => page.close()));
});

function markersOf(html: string, isPlainText = false): PageMarkers {
  const page = parseHtml(html, 'https://page.test/', isPlainText);
  opened.push(page);
  return extractPageMarkers(page.document);
}

function snapshot(over: Partial<PageSnapshot>): PageSnapshot {
  return { url: 'https://site.test/', status: 200, headers: null, page: null, ...over };
}

const CLOUDFLARE: HeaderList = [
  ['server', 'cloudflare'],
  ['cf-ray', '8f1e2d3c4b5a6978-NRT'],
];

describe('classify from headers alone (page null)', () => {
  it('takes cf-mitigated: challenge as a challenge', () => {
    const result = classify(snapshot({ status: 403, headers: [...CLOUDFLARE, ['cf-mitigated', 'challenge']] }));
    expect(result).toMatchObject({
      vendor: 'cloudflare',
      kind: 'challenge',
      code: 403,
      colo: 'NRT',
      unconfirmed: false,
    });
    expect(result.rayId).toBe('8f1e2d3c4b5a6978');
  });

  it('takes a 52x status with server: cloudflare as an origin error', () => {
    expect(classify(snapshot({ status: 522, headers: CLOUDFLARE }))).toMatchObject({
      vendor: 'cloudflare',
      kind: 'origin-error',
      code: 522,
      unconfirmed: false,
    });
  });

  it('takes 530 with Cloudflare headers as site configuration', () => {
    expect(classify(snapshot({ status: 530, headers: CLOUDFLARE })).kind).toBe('site-config');
  });

  it('calls a 522 without Cloudflare headers the site failing, not Cloudflare', () => {
    expect(classify(snapshot({ status: 522, headers: [['server', 'nginx']] }))).toMatchObject({
      vendor: null,
      kind: 'origin-error',
      platform: 'nginx',
      unconfirmed: false,
    });
  });

  it('treats a relayed 5xx as the origin failing and a 200 as normal', () => {
    const fastly: HeaderList = [['x-served-by', 'cache-iad-kiad7000025-IAD, cache-lga21934-LGA']];
    expect(classify(snapshot({ status: 503, headers: fastly }))).toMatchObject({
      vendor: 'fastly',
      kind: 'origin-error',
      colo: 'LGA',
    });
    expect(classify(snapshot({ status: 200, headers: fastly }))).toMatchObject({ vendor: 'fastly', kind: 'none' });
  });

  it('reads Vercel challenge and region headers', () => {
    const headers: HeaderList = [
      ['x-vercel-mitigated', 'challenge'],
      ['x-vercel-id', 'hnd1::iad1::abc-1'],
    ];
    expect(classify(snapshot({ status: 429, headers }))).toMatchObject({
      vendor: 'vercel',
      kind: 'challenge',
      colo: 'HND',
    });
  });

  it('returns a plain none when nothing is known', () => {
    expect(classify(snapshot({ status: null }))).toEqual({
      vendor: null,
      kind: 'none',
      code: null,
      colo: null,
      rayId: null,
      evidence: [],
      unconfirmed: false,
    });
  });
});

describe('spoofs and confirmation', () => {
  const fake522 =
    '<title>x | 522: Connection timed out</title><div id="cf-wrapper"><div id="cf-host-status" class="cf-error-source"></div></div>';

  it('marks a Cloudflare-looking page unconfirmed when headers are unknown', () => {
    expect(classify(snapshot({ status: 522, page: markersOf(fake522) }))).toMatchObject({
      vendor: 'cloudflare',
      kind: 'origin-error',
      unconfirmed: true,
    });
  });

  it('marks it unconfirmed when headers are known but name no Cloudflare', () => {
    const result = classify(snapshot({ status: 200, headers: [['server', 'Apache']], page: markersOf(fake522) }));
    expect(result).toMatchObject({ kind: 'origin-error', code: 522, unconfirmed: true });
    expect(result.evidence).toContain('headers:no-vendor-match');
  });

  it('confirms it when Cloudflare headers back it up', () => {
    expect(classify(snapshot({ status: 522, headers: CLOUDFLARE, page: markersOf(fake522) })).unconfirmed).toBe(false);
  });

  it('reads the plain-text `error code: 1020` body', () => {
    expect(classify(snapshot({ status: 403, page: markersOf('error code: 1020', true) }))).toMatchObject({
      vendor: 'cloudflare',
      kind: 'blocked',
      code: 1020,
    });
  });

  it('does not read `error code: 1020` inside a normal page', () => {
    const page = markersOf('<h1>Forum</h1><p>I keep getting</p><pre>error code: 1020</pre>');
    expect(classify(snapshot({ status: 200, page })).kind).toBe('none');
  });
});

describe('classify never throws and always yields a valid Detection', () => {
  const headerName = fc.constantFrom(
    'server',
    'cf-ray',
    'cf-mitigated',
    'x-served-by',
    'x-amz-cf-pop',
    'x-vercel-id',
    'via',
    'set-cookie',
    'x-vercel-error',
    'Server',
    'CF-RAY',
  );
  const headerValue = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom(
      'cloudflare',
      'challenge',
      '8f1e2d3c4b5a6978-NRT',
      'cache-lga1-LGA',
      'NRT57-P4',
      'hnd1::x',
      'BunnyCDN-DE1-1',
      'FUNCTION_INVOCATION_FAILED',
    ),
  );
  const headers = fc.option(
    fc.array(fc.tuple(fc.oneof(headerName, fc.string({ maxLength: 20 })), headerValue), { maxLength: 12 }),
    { nil: null },
  );
  const status = fc.option(fc.integer({ min: 0, max: 999 }), { nil: null });
  const fragment = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      '<div id="cf-wrapper">',
      '<div id="cf-host-status" class="cf-error-source">',
      '<title>a | 522: x</title>',
      '<script>window._cf_chl_opt={cRay:"0123456789abcdef"}</script>',
      '<form id="challenge-form">',
      'error code: 1020',
      'Reference #18.1.2.3',
      'Guru Mediation Details: cache-lga1-LGA',
      '<iframe id="main-iframe" src="/_Incapsula_Resource?x">',
      'DEPLOYMENT_NOT_FOUND',
      '</div>',
      '<pre>',
    ),
  );
  const html = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''));

  it('holds for arbitrary HTML-ish pages, headers and statuses', () => {
    fc.assert(
      fc.property(html, fc.boolean(), headers, status, (source, isPlainText, headerList, code) => {
        const page = markersOf(source, isPlainText);
        const detection = classify({ url: 'https://p.test/', status: code, headers: headerList, page });
        const parsed = v.safeParse(DetectionSchema, detection);
        expect(parsed.issues).toBeUndefined();
        if (detection.kind !== 'none') expect(detection.evidence.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for header-only snapshots', () => {
    fc.assert(
      fc.property(headers, status, (headerList, code) => {
        const detection = classify({ url: 'https://p.test/', status: code, headers: headerList, page: null });
        expect(v.safeParse(DetectionSchema, detection).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
