/**
 * The fetcher against a real HTTP server on 127.0.0.1 with Node's own fetch: checks that the request
 * policy (redirect: 'manual', validators, streaming cap) behaves as the fake-fetch tests assume.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusFetcher } from './fetch-status.ts';
import { siteStatusSource } from './site-status.ts';
import { statusSourcesFor } from './vendors.ts';
import { cloudflareSummary } from '../../../tests/support/status/statuspage-payloads.ts';
import { utf16Bytes } from '../../../tests/support/status/parse-helpers.ts';
import type { StatusSource } from './types.ts';

const SUMMARY = JSON.stringify(cloudflareSummary());
const AWS_EVENTS = JSON.stringify([
  {
    date: '1786765379',
    status: '3',
    service: 'cloudfront',
    service_name: 'Amazon CloudFront',
    summary: 'Elevated errors',
  },
]);
const seen: Array<{ url: string; headers: Record<string, string | string[] | undefined> }> = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/api/v2/summary.json') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end(SUMMARY);
    }
    if (req.url === '/public/currentevents') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(utf16Bytes(AWS_EVENTS, 'le'));
    }
    if (req.url === '/moved/api/v2/summary.json') {
      return void res.writeHead(301, { location: `${base}/api/v2/summary.json` }).end();
    }
    if (req.url === '/huge/api/v2/summary.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const push = (): void => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', push);
        else res.end();
      };
      return void push();
    }
    if (req.url === '/api/v2/status.json') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Our blog</body></html>');
    }
    res.writeHead(404).end('nope');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function fetcher(ttlMs = 60_000) {
  let clock = 0;
  const statuses = createStatusFetcher({
    fetch: (url, init) => fetch(url, init),
    now: () => clock,
    timeout: (ms) => AbortSignal.timeout(ms),
    ttlMs,
    maxBytes: 5 * 1024 * 1024,
  });
  return { statuses, advance: (ms: number) => (clock += ms) };
}

const cloudflareAt = (path: string) =>
  statusSourcesFor('cloudflare', { baseUrls: { cloudflare: `${base}${path}` } })[0] as StatusSource;

describe('createStatusFetcher over real HTTP (127.0.0.1)', () => {
  it('fetches, then revalidates with If-None-Match and reuses the status on 304', async () => {
    const { statuses, advance } = fetcher();
    const first = await statuses.get(cloudflareAt(''));
    advance(61_000);
    const second = await statuses.get(cloudflareAt(''));
    expect([first.state, second.state]).toEqual(['ok', 'ok']);
    const requests = seen.filter((r) => r.url === '/api/v2/summary.json');
    expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(requests.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('decodes the UTF-16 AWS feed end to end', async () => {
    const source = statusSourcesFor('cloudfront', { baseUrls: { 'aws-health': base } })[0] as StatusSource;
    const result = await fetcher().statuses.get(source);
    expect(result.state === 'ok' && result.status.indicator).toBe('major');
  });

  it('does not follow a redirect', async () => {
    const result = await fetcher().statuses.get(cloudflareAt('/moved'));
    expect(result).toMatchObject({ state: 'failed', reason: expect.stringMatching(/redirected \(HTTP 301\)/) });
  });

  it('stops reading a 10 MB body at the cap', async () => {
    const result = await fetcher().statuses.get(cloudflareAt('/huge'));
    expect(result).toMatchObject({ state: 'failed', reason: expect.stringMatching(/too large/) });
  });

  it('rejects an HTML page found by status.<domain> discovery and a 404', async () => {
    const discovered = siteStatusSource('example.org', { baseUrls: { 'site:example.org': base } });
    expect(await fetcher().statuses.get(discovered)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/HTML/),
    });
    expect(await fetcher().statuses.get(cloudflareAt('/missing'))).toMatchObject({
      state: 'failed',
      reason: 'HTTP 404',
    });
  });

  it('reports a refused connection as failed', async () => {
    const closed = statusSourcesFor('vercel', { baseUrls: { vercel: 'http://127.0.0.1:1' } })[0] as StatusSource;
    expect(await fetcher().statuses.get(closed)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/network error/),
    });
  });
});
