/**
 * The body reader over a real socket: `app.request()` sends no Content-Length, so only a listening server takes
 * the header-checked fast path that production traffic takes.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app.ts';
import { readJsonBody } from './read-json.ts';

const app = new Hono<AppEnv>().post('/', async (c) => c.json(await readJsonBody(c, 64)));
let server: ReturnType<typeof serve>;
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Posts `chunks`; with `isChunked` no Content-Length is sent (Transfer-Encoding: chunked). */
function post(chunks: string[], headers: Record<string, string>, isChunked = false): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = chunks.join('');
    const all = isChunked ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const outgoing = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: all }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

describe('readJsonBody on a socket', () => {
  it('parses a body with a Content-Length', async () => {
    expect(await post(['{"a":1}'], JSON_TYPE)).toEqual({ ok: true, value: { a: 1 } });
  });
  it('parses a chunked body under the limit', async () => {
    expect(await post(['{"a":', '2}'], JSON_TYPE, true)).toEqual({ ok: true, value: { a: 2 } });
  });
  it('answers 413 over the limit, by header and by counting', async () => {
    const big = `{"a":"${'x'.repeat(100)}"}`;
    expect(await post([big], JSON_TYPE)).toMatchObject({ ok: false, status: 413 });
    expect(await post([big.slice(0, 50), big.slice(50)], JSON_TYPE, true)).toMatchObject({ ok: false, status: 413 });
  });
  it('answers 400 for another content type, malformed JSON and an empty body', async () => {
    expect(await post(['{"a":1}'], { 'content-type': 'text/plain' })).toMatchObject({ ok: false, status: 400 });
    expect(await post(['{"a":'], JSON_TYPE)).toMatchObject({ ok: false, status: 400 });
    expect(await post([], JSON_TYPE)).toMatchObject({ ok: false, status: 400 });
  });
});
