import { describe, expect, it } from 'vitest';
import { PeersUnavailable } from '../peer/failover.ts';
import type { Sighting } from './breadth.ts';
import { createRadarClient } from './radar-client.ts';
import { buildRadar } from './radar-view.ts';

const A = 'https://a.example/v1';
const B = 'https://b.example';
const NOW = 29_372_000;

/** A real detail body: 12 failing sites at ICN and 6 at NRT, each from its own network. */
/** 18 sites failing at the edge, 12 at ICN and 6 at NRT; `originErrors` more that failed only at their origin. */
function detailBody(vendor = 'cloudflare', originErrors = 0): string {
  const sightings: Sighting[] = Array.from({ length: 18 + originErrors }, (_, index) => ({
    minute: NOW - 1,
    vendor: 'cloudflare',
    colo: index < 12 ? 'ICN' : 'NRT',
    kind: index < 18 ? 'edge-error' : 'origin-error',
    hostHash: `${index}-`.padEnd(64, 'c'),
    network: `net-${index}`,
    reports: 1,
  }));
  const detail = buildRadar(sightings, [], NOW).details.get('cloudflare')!;
  return JSON.stringify({ ok: true, data: { ...detail, vendor: { ...detail.vendor, vendor } } });
}

function fakeFetch(answers: Record<string, () => Promise<Response>>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const answer = Object.entries(answers).find(([prefix]) => url.startsWith(prefix))?.[1];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  };
  return { fetch, calls };
}
const json =
  (body: string, status = 200) =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });
const timeout = (ms: number) => AbortSignal.timeout(ms);

describe('the radar client', () => {
  it('counts whole sites: one that failed only at its origin weighs half in the published figure', async () => {
    const { fetch } = fakeFetch({ [A]: json(detailBody('cloudflare', 1)) });
    const facts = await createRadarClient({ fetch, timeout }).lookup([A], 'cloudflare', 'NRT');
    expect(JSON.parse(detailBody('cloudflare', 1)).data.vendor.sites.m15).toBe(18.5);
    expect(facts.sites15).toBe(18);
  });

  it('asks for the vendor only, and reads its state, its failing colos and my colo', async () => {
    const { fetch, calls } = fakeFetch({ [A]: json(detailBody()) });
    const facts = await createRadarClient({ fetch, timeout }).lookup([A], 'cloudflare', 'NRT');
    expect(facts).toMatchObject({ vendor: 'cloudflare', state: 'outage', sites15: 18, colos: ['ICN', 'NRT'] });
    expect(facts.coloState).toBe('outage');
    expect(facts.series).toHaveLength(12);
    expect(calls.map((call) => call.url)).toEqual(['https://a.example/v1/cdn/cloudflare']);
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
  });

  it('gives no colo state for a colo the radar does not publish', async () => {
    const { fetch } = fakeFetch({ [A]: json(detailBody()) });
    expect((await createRadarClient({ fetch, timeout }).lookup([A], 'cloudflare', 'LAX')).coloState).toBeNull();
  });

  it.each([
    ['is down', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['answers 503', json('{"ok":false}', 503)],
    ['answers HTML', json('<html>maintenance</html>')],
    ['answers another vendor', json(detailBody('fastly'))],
    ['answers a wrong shape', json('{"ok":true,"data":{"minute":1}}')],
    ['answers UTF-16', async () => new Response(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]), { status: 200 })],
  ])('fails over to the next server when one %s, and fails when all do', async (_case, broken) => {
    const good = fakeFetch({ [A]: broken, [B]: json(detailBody()) });
    expect((await createRadarClient({ fetch: good.fetch, timeout }).lookup([A, B], 'cloudflare', null)).state).toBe(
      'outage',
    );
    const bad = fakeFetch({ [A]: broken });
    await expect(
      createRadarClient({ fetch: bad.fetch, timeout }).lookup([A], 'cloudflare', null),
    ).rejects.toBeInstanceOf(PeersUnavailable);
  });

  it('gives up on a server that hangs, within its own bound', async () => {
    const bounds: number[] = [];
    const controllers: AbortController[] = [];
    const { fetch } = fakeFetch({ [A]: () => new Promise<Response>(() => undefined), [B]: json(detailBody()) });
    const manual = (ms: number) => {
      bounds.push(ms);
      const controller = new AbortController();
      controllers.push(controller);
      if (controllers.length === 1) queueMicrotask(() => controller.abort(new Error('bound')));
      return controller.signal;
    };
    const facts = await createRadarClient({ fetch, timeout: manual }).lookup([A, B], 'cloudflare', null);
    expect(facts.state).toBe('outage');
    expect(bounds).toEqual([1500, 1500]);
  });
});
