/**
 * The probes against real HTTP servers on loopback with Node's own fetch (undici, as the CLI uses): a hostile site
 * answers every probe with a redirect to another host, and that host must receive nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeDoh, probeOrigin, probeReachable, probeTrace } from './probes.ts';

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

/** The other host: another address (127.0.0.2 is loopback too) and another port. */
const targetHits: string[] = [];
const target = createServer((req, res) => {
  targetHits.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'text/plain' }).end('fl=1\nh=router\ncolo=ICN\n');
});
let targetBase = '';
const hostile = createServer((req, res) => {
  res.writeHead(302, { location: `${targetBase}/admin${req.url ?? ''}` }).end();
});
let hostileBase = '';

beforeAll(async () => {
  targetBase = await new Promise<string>((resolve) =>
    target.listen(0, '127.0.0.2', () => resolve(`http://127.0.0.2:${(target.address() as AddressInfo).port}`)),
  );
  hostileBase = await listen(hostile);
});
afterAll(async () => {
  await Promise.all([target, hostile].map((s) => new Promise((resolve) => s.close(resolve))));
});

const signal = () => AbortSignal.timeout(2_000);

describe('probes against a site that redirects elsewhere (real sockets)', () => {
  it('every probe reads the redirect where it landed, and the other host sees no request', async () => {
    const results = {
      origin: await probeOrigin(fetch, `${hostileBase}/checkout`, signal()),
      trace: await probeTrace(fetch, hostileBase, signal()),
      reachable: await probeReachable(fetch, `${hostileBase}/generate_204`, signal()),
      doh: await probeDoh(fetch, `${hostileBase}/dns-query`, 'shop.example', signal()),
    };
    expect(results).toEqual({ origin: 'ok', trace: null, reachable: true, doh: null });
    expect(targetHits).toEqual([]);
  });

  it('the other host does answer when asked directly (so silence above means it was never asked)', async () => {
    const before = targetHits.length;
    const direct = await fetch(`${targetBase}/admin`);
    expect(direct.status).toBe(200);
    expect(targetHits.slice(before)).toEqual(['/admin']);
  });
});
