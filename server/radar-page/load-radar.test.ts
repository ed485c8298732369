import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../src/core/fetch.ts';
import { RADAR_VENDORS, SERIES_POINTS, type VendorDetail, type VendorRadar } from '../../src/core/radar/radar-wire.ts';
import { loadRadar } from './load-radar.ts';

const MINUTE = 29_372_000;
const zero = { m5: 0, m15: 0, m60: 0 };
const quiet = (vendor: VendorRadar['vendor']): VendorRadar => ({
  vendor,
  state: 'normal',
  sites: zero,
  reports: zero,
  baseline15: 0,
  byKind: {},
  colos: [],
});
const failing = (vendor: VendorRadar['vendor'], state: VendorRadar['state'], m15: number): VendorRadar => ({
  ...quiet(vendor),
  state,
  sites: { m5: m15, m15, m60: m15 },
  reports: { m5: m15, m15, m60: m15 },
  byKind: { 'edge-error': m15 },
});
const detailOf = (vendor: VendorRadar): VendorDetail => ({
  minute: MINUTE,
  vendor,
  cells: [],
  series: Array.from({ length: SERIES_POINTS }, (_, i) => ({ minute: MINUTE - 55 + 5 * i, sites: i, reports: i })),
});

/** The API as JSON answers by path; anything else is a 404, and every request is recorded. */
function fakeApi(answers: Record<string, { status?: number; body: unknown }>) {
  const asked: string[] = [];
  const fetch: Fetch = async (url) => {
    asked.push(url);
    const answer = answers[url];
    return new Response(JSON.stringify(answer?.body ?? { ok: false }), {
      status: answer ? (answer.status ?? 200) : 404,
    });
  };
  return { fetch, asked };
}

const signal = new AbortController().signal;
const fastly = failing('fastly', 'elevated', 6);
const cloudflare = failing('cloudflare', 'outage', 40);
const vendors = RADAR_VENDORS.map((v) => (v === 'fastly' ? fastly : v === 'cloudflare' ? cloudflare : quiet(v)));
const summary = { ok: true, data: { minute: MINUTE, vendors } };

describe('loadRadar', () => {
  it('reads the summary, then the detail of each CDN with figures only, outages first', async () => {
    const api = fakeApi({
      '/v1/cdn': { body: summary },
      '/v1/cdn/cloudflare': { body: { ok: true, data: detailOf(cloudflare) } },
      '/v1/cdn/fastly': { body: { ok: true, data: detailOf(fastly) } },
    });
    const view = await loadRadar(api.fetch, '/v1', signal);
    expect(api.asked.sort()).toEqual(['/v1/cdn', '/v1/cdn/cloudflare', '/v1/cdn/fastly']);
    expect(view.vendors.map((v) => v.vendor).slice(0, 3)).toEqual(['cloudflare', 'fastly', 'cloudfront']);
    expect(view.vendors).toHaveLength(RADAR_VENDORS.length);
    expect([...view.details.keys()].sort()).toEqual(['cloudflare', 'fastly']);
  });

  it('fails, rather than showing anything, when the summary is refused or malformed', async () => {
    await expect(
      loadRadar(fakeApi({ '/v1/cdn': { status: 503, body: summary } }).fetch, '/v1', signal),
    ).rejects.toThrow('HTTP 503');
    const garbage = { ok: true, data: { minute: MINUTE, vendors: [{ vendor: 'cloudflare', state: 'fine' }] } };
    await expect(loadRadar(fakeApi({ '/v1/cdn': { body: garbage } }).fetch, '/v1', signal)).rejects.toThrow(
      'invalid answer',
    );
  });

  it('fails when a CDN with figures has no valid detail: half a radar is not shown as a whole one', async () => {
    const api = fakeApi({
      '/v1/cdn': { body: summary },
      '/v1/cdn/cloudflare': { body: { ok: true, data: detailOf(cloudflare) } },
      '/v1/cdn/fastly': { body: { ok: true, data: { ...detailOf(fastly), series: [] } } },
    });
    await expect(loadRadar(api.fetch, '/v1', signal)).rejects.toThrow('invalid answer from /v1/cdn/fastly');
  });
});
