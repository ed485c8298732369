import { describe, expect, it } from 'vitest';
import { createStatusFetcher, type StatusFetcherDeps } from './fetch-status.ts';
import { statusSourcesFor } from './vendors.ts';
import { cloudflareSummary } from '../../../tests/support/status/statuspage-payloads.ts';
import type { SourceResult, StatusSource } from './types.ts';

const BASE = 'https://status.test';
const SOURCE = statusSourcesFor('cloudflare', { baseUrls: { cloudflare: BASE } })[0] as StatusSource;
const BODY = JSON.stringify(cloudflareSummary());

type Handler = (url: string, init: RequestInit) => Promise<Response> | Response;

function setup(handlers: Handler[], overrides: Partial<StatusFetcherDeps> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  let clock = 1_000_000;
  const fetcher = createStatusFetcher({
    fetch: async (url, init) => {
      calls.push({ url, init });
      const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)];
      if (!handler) throw new Error('no handler');
      return handler(url, init);
    },
    now: () => clock,
    timeout: (ms) => AbortSignal.timeout(ms),
    ...overrides,
  });
  return { fetcher, calls, advance: (ms: number) => (clock += ms) };
}

const ok =
  (body = BODY, headers: Record<string, string> = {}) =>
  () =>
    new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });

function expectState(result: SourceResult, state: SourceResult['state'], reason?: RegExp) {
  expect(result.state).toBe(state);
  if (reason && result.state !== 'ok') expect(result.reason).toMatch(reason);
}

describe('createStatusFetcher', () => {
  it('fetches with a safe request policy and parses', async () => {
    const { fetcher, calls } = setup([ok()]);
    const result = await fetcher.get(SOURCE);
    expectState(result, 'ok');
    expect(calls[0]?.url).toBe(`${BASE}/api/v2/summary.json`);
    expect(calls[0]?.init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    expect(calls[0]?.init.headers).toEqual({ accept: 'application/json' });
  });

  it('serves a cache hit within the TTL without asking again', async () => {
    const { fetcher, calls, advance } = setup([ok()]);
    await fetcher.get(SOURCE);
    advance(59_000);
    const again = await fetcher.get(SOURCE);
    expect(again).toMatchObject({ state: 'ok', ms: 0 });
    expect(calls).toHaveLength(1);
  });

  it('revalidates with ETag/Last-Modified after the TTL and reuses the status on 304', async () => {
    const validators = { etag: '"v1"', 'last-modified': 'Sun, 16 Aug 2026 16:57:43 GMT' };
    const { fetcher, calls, advance } = setup([ok(BODY, validators), () => new Response(null, { status: 304 })]);
    const first = await fetcher.get(SOURCE);
    advance(61_000);
    const second = await fetcher.get(SOURCE);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.init.headers).toEqual({
      accept: 'application/json',
      'if-none-match': '"v1"',
      'if-modified-since': validators['last-modified'],
    });
    if (first.state !== 'ok' || second.state !== 'ok') throw new Error('expected ok');
    expect(second.status.fetchedAt).toBe(first.status.fetchedAt + 61_000);
    expect(second.status.components).toEqual(first.status.components);
  });

  it('merges concurrent requests for the same source into one', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetcher, calls } = setup([async () => (await gate, ok()())]);
    const all = Promise.all([fetcher.get(SOURCE), fetcher.get(SOURCE), fetcher.get(SOURCE)]);
    release();
    const results = await all;
    expect(calls).toHaveLength(1);
    expect(results.map((r) => r.state)).toEqual(['ok', 'ok', 'ok']);
  });

  it('reports a timeout when the server does not answer in time', async () => {
    const hang: Handler = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const { fetcher } = setup([hang], { timeoutMs: 30 });
    expectState(await fetcher.get(SOURCE), 'timeout', /30 ms/);
  });

  it('reports a timeout when the body trickles past the budget', async () => {
    const trickle: Handler = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"page":')) }), {
        status: 200,
      });
    const { fetcher } = setup([trickle], { timeoutMs: 30 });
    expectState(await fetcher.get(SOURCE), 'timeout');
  });

  it.each([
    [
      'a 301 redirect',
      () => new Response(null, { status: 301, headers: { location: 'https://elsewhere.test/' } }),
      /redirected/,
    ],
    [
      'an opaque redirect',
      () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' }),
      /redirected/,
    ],
    ['a followed redirect', () => Object.defineProperty(ok()(), 'redirected', { value: true }), /redirected/],
    ['a 503', () => new Response('down', { status: 503 }), /HTTP 503/],
    [
      'an HTML challenge page',
      () =>
        new Response('<!DOCTYPE html><title>Just a moment...</title>', { headers: { 'content-type': 'text/html' } }),
      /HTML/,
    ],
    [
      'a declared huge body',
      () => new Response('{}', { headers: { 'content-length': String(50 * 1024 * 1024) } }),
      /too large/,
    ],
    [
      'a streamed huge body',
      () => new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(1024 * 1024)) })),
      /too large/,
    ],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), /network error: Failed to fetch/],
    [
      'an unexpected 304 with nothing cached',
      () => new Response(null, { status: 304 }),
      /HTTP 304 without a cached copy/,
    ],
  ])('fails on %s', async (_label, handler, reason) => {
    const { fetcher } = setup([handler as Handler]);
    expectState(await fetcher.get(SOURCE), 'failed', reason);
  });

  it('caches a failure briefly, then tries again', async () => {
    const { fetcher, calls, advance } = setup([() => new Response('x', { status: 500 }), ok()]);
    expectState(await fetcher.get(SOURCE), 'failed');
    advance(5_000);
    expect(await fetcher.get(SOURCE)).toMatchObject({ state: 'failed', ms: 0 });
    advance(6_000);
    expectState(await fetcher.get(SOURCE), 'ok');
    expect(calls).toHaveLength(2);
  });

  it('answers skipped for a vendor without a public status API, without fetching', async () => {
    const { fetcher, calls } = setup([ok()]);
    const [sucuri] = statusSourcesFor('sucuri');
    expect(await fetcher.get(sucuri as StatusSource)).toEqual({
      state: 'skipped',
      reason: 'no public status API',
      ms: 0,
    });
    expect(calls).toHaveLength(0);
  });

  it('turns a throwing parser into failed', async () => {
    const { fetcher } = setup([ok()]);
    const throwing: StatusSource = {
      ...SOURCE,
      kind: 'http',
      id: 'x',
      name: 'x',
      subject: 'site',
      url: `${BASE}/x`,
      accept: 'application/json',
      parse: () => {
        throw new Error('bug');
      },
    };
    expectState(await fetcher.get(throwing), 'failed', /parser error/);
  });

  it('keeps sources apart', async () => {
    const { fetcher, calls } = setup([ok()]);
    const other = statusSourcesFor('cloudflare', { baseUrls: { cloudflare: 'https://other.test' } })[0] as StatusSource;
    await Promise.all([fetcher.get(SOURCE), fetcher.get(other)]);
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/api/v2/summary.json`, 'https://other.test/api/v2/summary.json']);
  });

  it('forgets everything on clear()', async () => {
    const { fetcher, calls } = setup([ok()]);
    await fetcher.get(SOURCE);
    fetcher.clear();
    await fetcher.get(SOURCE);
    expect(calls).toHaveLength(2);
  });
});
