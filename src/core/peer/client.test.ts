/**
 * The peer client against the real server app (PGlite in memory, in process): what goes over the wire, failover
 * between servers, and that a broken answer fails the lookup instead of reading as "no reports".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestApp,
  PGLITE_START_TIMEOUT,
  postJson,
  reportBody,
  type TestApp,
} from '../../../tests/support/server-app.ts';
import { createPeerClient, type ReportDraft } from './client.ts';
import { PeersUnavailable } from './failover.ts';
import { hashHost, prefixOf } from './host-hash.ts';
import { PREFIX_ENTRY_COUNT, PREFIX_RESPONSE_BYTES } from './wire.ts';
import { sha256 } from '../../../tests/support/sha256.ts';

const timeout = (ms: number) => AbortSignal.timeout(ms);
const HOST = 'www.shop.co.kr';
const SITE = 'shop.co.kr';
const A = 'https://peer-a.example.net';
const B = 'https://peer-b.example.net/v1/';
const draft = (clientId = 'c'.repeat(32)): ReportDraft => ({
  kind: 'edge-error',
  vendor: 'cloudflare',
  colo: 'ICN',
  code: 522,
  clientId,
});

interface Call {
  url: string;
  method: string;
  body: string | null;
}

let server: TestApp;
let calls: Call[];
/** Per origin: how that server behaves; absent origins are the real app. */
let behaviour: Record<string, (init: RequestInit) => Promise<Response>>;

const fetch = async (url: string, init: RequestInit): Promise<Response> => {
  calls.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : null });
  const special = behaviour[new URL(url).origin];
  return special ? special(init) : server.app.request(url, init);
};
const client = (attemptMs?: number) =>
  createPeerClient({ fetch, sha256, timeout, ...(attemptMs !== undefined && { attemptMs }) });

// One database for the file (starting PGlite takes seconds); two hours between tests empty every count and dedupe window.
beforeAll(async () => {
  server = await createTestApp();
}, PGLITE_START_TIMEOUT);
afterAll(async () => {
  await server.sql.close();
});
beforeEach(() => {
  server.clock.now += 2 * 3_600_000;
  calls = [];
  behaviour = {};
});

describe('lookup', () => {
  it('finds its own site among the padded entries of its bucket, and nothing else', async () => {
    const hash = await hashHost(SITE, sha256);
    for (let i = 0; i < 3; i += 1)
      await postJson(
        server.app,
        '/v1/reports',
        reportBody({ hostHash: hash, clientId: `client-${i}`.padEnd(24, '0') }),
      );
    // A neighbour in the same bucket, reported more often: the client must pick its own entry, not the busiest.
    const neighbour = prefixOf(hash) + 'f'.repeat(60);
    for (let i = 0; i < 5; i += 1)
      await postJson(
        server.app,
        '/v1/reports',
        reportBody({ hostHash: neighbour, clientId: `other-${i}`.padEnd(24, '0') }),
      );

    expect(await client().lookup([A], HOST)).toEqual({ state: 'normal', count15: 3, ratio: null });
    const raw = await server.app.request(`/v1/prefix/${prefixOf(hash)}`);
    const text = await raw.text();
    expect(text.length).toBe(PREFIX_RESPONSE_BYTES);
    expect((JSON.parse(text) as { data: { entries: unknown[] } }).data.entries).toHaveLength(PREFIX_ENTRY_COUNT);
  });

  it('sends only the 4-hex prefix: no host, no full hash, no body', async () => {
    const hash = await hashHost(SITE, sha256);
    expect(await client().lookup([A], HOST)).toBeNull();
    expect(calls).toEqual([{ url: `${A}/v1/prefix/${prefixOf(hash)}`, method: 'GET', body: null }]);
    expect(calls[0]!.url).not.toContain('shop');
    expect(calls[0]!.url).not.toContain(hash.slice(4, 8));
  });

  it('computes the ratio against the baseline when there is one', async () => {
    const hash = await hashHost(SITE, sha256);
    const entries = [{ hostHash: hash, count15: 38, count60: 60, baseline15: 3.2, state: 'outage' }];
    behaviour[A] = async () =>
      Response.json({ ok: true, data: { prefix: prefixOf(hash), minute: 1, entries, pad: '' } });
    expect(await client().lookup([A], HOST)).toEqual({ state: 'outage', count15: 38, ratio: 38 / 3.2 });
  });

  it.each([
    ['down', async () => Promise.reject(new TypeError('Failed to fetch'))],
    ['answering garbage', async () => new Response('<html>502 Bad Gateway</html>', { status: 200 })],
    [
      'answering 503',
      async () => Response.json({ ok: false, error: { code: 'unavailable', message: 'x' } }, { status: 503 }),
    ],
    ['slow (ignores the abort)', () => new Promise<Response>(() => undefined)],
  ])('fails over when the first server is %s', async (_, first) => {
    const hash = await hashHost(SITE, sha256);
    await postJson(server.app, '/v1/reports', reportBody({ hostHash: hash }));
    behaviour[A] = first;
    // A first server that never answers would hold this await until the test times out: reaching B is the proof.
    expect(await client(100).lookup([A, B], HOST)).toMatchObject({ count15: 1 });
    expect(calls.map((c) => new URL(c.url).origin)).toEqual([A, new URL(B).origin]);
    expect(calls[1]!.url).toBe(`https://peer-b.example.net/v1/prefix/${prefixOf(hash)}`);
  });

  it.each([
    ['not JSON', () => new Response('{"ok":true,"data":', { status: 200 })],
    ['an error envelope with 200', () => Response.json({ ok: false, error: { code: 'internal', message: 'x' } })],
    ['another bucket', () => Response.json({ ok: true, data: { prefix: '0000', minute: 1, entries: [], pad: '' } })],
    ['oversized', () => new Response(`{"ok":true,"pad":"${' '.repeat(1_000_000)}"}`, { status: 200 })],
    [
      'too many entries',
      async () => {
        const prefix = prefixOf(await hashHost(SITE, sha256));
        const entry = (i: number) => ({
          hostHash: prefix + i.toString(16).padStart(60, '0'),
          count15: 0,
          count60: 1,
          baseline15: 0,
          state: 'normal',
        });
        return Response.json({
          ok: true,
          data: { prefix, minute: 1, entries: Array.from({ length: 33 }, (_, i) => entry(i)), pad: '' },
        });
      },
    ],
  ])('an answer that is %s fails the lookup, never reads as "no reports"', async (_, answer) => {
    behaviour[A] = async () => answer();
    await expect(client().lookup([A], HOST)).rejects.toBeInstanceOf(PeersUnavailable);
  });

  it('fails when every server fails, and when none is configured', async () => {
    behaviour[A] = async () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(client().lookup([A], HOST)).rejects.toThrow(/peer-a\.example\.net: Failed to fetch/);
    await expect(client().lookup([], HOST)).rejects.toThrow('no peer server configured');
  });

  it("stops at the caller's bound without trying further servers", async () => {
    // The caller's bound fires while the first server hangs: a real timer could fire before the first call instead.
    const caller = new AbortController();
    behaviour[A] = () => {
      caller.abort(new Error('source bound'));
      return new Promise<Response>(() => undefined);
    };
    await expect(client(5000).lookup([A, B], HOST, caller.signal)).rejects.toBeInstanceOf(PeersUnavailable);
    expect(calls).toHaveLength(1);
  });

  it('never asks about IP addresses or intranet names', async () => {
    for (const host of ['192.168.0.1', 'printer.local', 'intranet', 'corp.internal']) {
      await expect(client().lookup([A], host)).rejects.toThrow('not a public site');
    }
    expect(calls).toEqual([]);
  });
});

describe('submit', () => {
  it('posts the hash and what failed, is accepted with 202, and the count shows up in a later lookup', async () => {
    const hash = await hashHost(SITE, sha256);
    expect(await client().submit([A], HOST, draft())).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${A}/v1/reports`);
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      hostHash: hash,
      kind: 'edge-error',
      vendor: 'cloudflare',
      colo: 'ICN',
      code: 522,
      clientId: 'c'.repeat(32),
    });
    expect(calls[0]!.body).not.toContain('shop');

    // The same client again within 10 minutes is accepted but not counted; another client is.
    expect(await client().submit([A], HOST, draft())).toBe(false);
    expect(await client().submit([A], 'shop.co.kr', draft('d'.repeat(32)))).toBe(true);
    expect(await client().lookup([A], HOST)).toEqual({ state: 'normal', count15: 2, ratio: null });
  });

  it('fails over to the next server and fails when all refuse', async () => {
    behaviour[A] = async () => new Response('nope', { status: 500 });
    expect(await client().submit([A, B], HOST, draft())).toBe(true);
    await expect(client().submit([A], HOST, draft())).rejects.toBeInstanceOf(PeersUnavailable);
  });

  it('refuses to send a report the wire contract would reject', async () => {
    await expect(client().submit([A], HOST, { ...draft(), colo: 'icn' })).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('the server accepts it from extension origins (CORS), as a browser would send it', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://2f1c6a4e-8a34-4a4e-9d3b-0f6f2b1c9a77',
    ]) {
      const preflight = await server.app.request(`${A}/v1/reports`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      let allowed: string | null = null;
      behaviour[A] = async (init) => {
        const response = await server.app.request(`${A}/v1/reports`, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), origin },
        });
        allowed = response.headers.get('access-control-allow-origin');
        return response;
      };
      expect(await client().submit([A], HOST, draft(origin.startsWith('moz') ? 'm'.repeat(32) : 'k'.repeat(32)))).toBe(
        true,
      );
      expect(allowed).toBe(origin);
    }
  });
});
