import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from './index.ts';
import { isCandidateTitle } from './prefilter.ts';
import { needsReading, type ReadReason } from './reader-needed.ts';
import type { HeaderList } from './types.ts';

const CF: HeaderList = [
  ['content-type', 'text/html; charset=UTF-8'],
  ['server', 'cloudflare'],
  ['cf-ray', '8a1b2c3d4e5f6789-ICN'],
];
const NO_STORE: HeaderList = [['cache-control', 'private, max-age=0, no-store, no-cache']];
const IMPERVA: HeaderList = [
  ['content-type', 'text/html'],
  ['x-cdn', 'Imperva'],
  ['x-iinfo', '1-2-0 0NNN RT(1760000000000 0)'],
  ['cache-control', 'no-cache'],
];
const NGINX: HeaderList = [
  ['content-type', 'text/html'],
  ['server', 'nginx/1.24.0'],
];
const length = (bytes: number): HeaderList => [['content-length', String(bytes)]];

const URL_PLAIN = 'https://shop.example/cart';

describe('needsReading', () => {
  it.each<[string, number, HeaderList, ReadReason]>([
    ['any 4xx, whoever served it', 404, NGINX, 'status'],
    ['any 5xx, even with no headers at all', 503, [], 'status'],
    ["Cloudflare's 522", 522, CF, 'status'],
    ['a 429 rate limit', 429, [], 'status'],
    [
      'a challenge marked in the headers, whatever the status',
      200,
      [...CF, ['cf-mitigated', 'challenge']],
      'vendor-headers',
    ],
    [
      "Imperva's 200 block page: small, uncacheable, Imperva's headers",
      200,
      [...IMPERVA, ...length(908)],
      'small-vendor-page',
    ],
    ['a small uncacheable page behind Cloudflare', 200, [...CF, ...NO_STORE, ...length(6000)], 'small-vendor-page'],
  ])('reads %s', (_name, status, headers, reason) => {
    expect(needsReading({ url: URL_PLAIN, status, headers })).toBe(reason);
  });

  it('reads a page whose URL carries a Cloudflare challenge rewrite', () => {
    const url = 'https://shop.example/?__cf_chl_rt_tk=abc';
    expect(needsReading({ url, status: 200, headers: CF })).toBe('challenge-url');
  });

  it.each<[string, HeaderList]>([
    ['a plain 200 page', NGINX],
    ['a 200 page with no headers at all', []],
    ['a page behind Cloudflare that may be cached', [...CF, ...length(6000)]],
    ['a large uncacheable page behind Cloudflare', [...CF, ...NO_STORE, ...length(400_000)]],
    ['an uncacheable page behind Cloudflare of unknown length', [...CF, ...NO_STORE]],
    ['a small uncacheable page no CDN claims', [...NGINX, ...NO_STORE, ...length(900)]],
    [
      'a small uncacheable answer that is not HTML',
      [['content-type', 'application/json'], ['x-iinfo', '1'], ...NO_STORE, ...length(90)],
    ],
    ['an Imperva page of unknown length', IMPERVA],
    ['a junk Content-Length', [...IMPERVA, ['content-length', 'abc']]],
  ])('leaves alone %s', (_name, headers) => {
    expect(needsReading({ url: URL_PLAIN, status: 200, headers })).toBeNull();
  });

  it.each([200, 204, 301, 304, 399])('does not read status %i on its own', (status) => {
    expect(needsReading({ url: URL_PLAIN, status, headers: NGINX })).toBeNull();
  });

  it('is not swayed by a path or query that merely mentions an error', () => {
    const url = 'https://shop.example/help/error-522-cloudflare?q=just+a+moment&chl=1';
    expect(needsReading({ url, status: 200, headers: CF })).toBeNull();
  });
});

describe('isCandidateTitle (the background safe net after load)', () => {
  it.each([
    'shop.example | 522: Connection timed out',
    'Just a moment...',
    'Attention Required! | Cloudflare',
    '403 Forbidden',
  ])('flags %s', (title) => expect(isCandidateTitle(title)).toBe(true));
  it.each(['Spring sale | shop.example', '', 'Error handling in Rust | blog', 'How we cut 522 errors'])(
    'leaves alone %s',
    (title) => expect(isCandidateTitle(title)).toBe(false),
  );
});

describe('needsReading and the header-only classification', () => {
  // The background waits for a page report after a header reading it calls a failure (reading-merge.ts
  // isReaderExpected): such a page must always get the reader.
  const pool: HeaderList = [
    ...CF,
    ...IMPERVA,
    ...NGINX,
    ['cf-mitigated', 'challenge'],
    ['x-amz-cf-id', 'abc=='],
    ['x-cache', 'Error from cloudfront'],
    ['server', 'AkamaiGHost'],
    ['x-vercel-error', 'DEPLOYMENT_NOT_FOUND'],
    ['x-sucuri-block', 'BL001'],
    ['server', 'ddos-guard'],
  ];
  it('reads every response the headers alone call a failure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.subarray([...pool]), (status, headers) => {
        const answer = { url: URL_PLAIN, status, headers };
        if (classify({ ...answer, page: null }).kind !== 'none') expect(needsReading(answer)).not.toBeNull();
      }),
    );
  });
});
