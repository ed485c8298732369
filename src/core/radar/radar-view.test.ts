import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Sighting } from './breadth.ts';
import { buildRadar, type BaselineRow } from './radar-view.ts';
import { CdnSummarySchema, VendorDetailSchema } from './radar-wire.ts';

const NOW = 29_372_000;
let serial = 0;
/** `count` distinct sites, each from its own network, `age` minutes ago. */
const failing = (count: number, colo: string, age = 1, overrides: Partial<Sighting> = {}): Sighting[] =>
  Array.from({ length: count }, () => {
    serial++;
    return {
      minute: NOW - age,
      vendor: 'cloudflare',
      colo,
      kind: 'edge-error',
      hostHash: `${serial}-`.padEnd(64, 'a'),
      network: `net-${serial}`,
      reports: 2,
      ...overrides,
    };
  });
const cloudflare = (sightings: Sighting[], baseline: BaselineRow[] = []) => {
  const radar = buildRadar(sightings, baseline, NOW);
  return { summary: radar.vendors.find((x) => x.vendor === 'cloudflare')!, detail: radar.details.get('cloudflare')! };
};

describe('the radar view', () => {
  it('names a broad failure an outage, with its failing colos, and publishes only cells above the floor', () => {
    const { summary, detail } = cloudflare([...failing(20, 'ICN'), ...failing(12, 'NRT'), ...failing(2, 'LAX')]);
    expect(summary).toMatchObject({ state: 'outage', colos: ['ICN', 'NRT'] });
    expect(summary.sites).toEqual({ m5: 34, m15: 34, m60: 34 });
    expect(summary.byKind).toEqual({ 'edge-error': 34 });
    expect(detail.cells.map((cell) => [cell.colo, cell.state])).toEqual([
      ['ICN', 'outage'],
      ['NRT', 'outage'],
    ]);
  });

  it('publishes nothing for a vendor below the floor: four sites read as none', () => {
    const { summary, detail } = cloudflare(failing(4, 'ICN'));
    expect(summary).toMatchObject({ state: 'normal', sites: { m5: 0, m15: 0, m60: 0 }, byKind: {}, colos: [] });
    expect(detail.cells).toEqual([]);
    expect(detail.series.every((point) => point.sites === 0 && point.reports === 0)).toBe(true);
  });

  it('keeps a CDN normal when one big site fails for everyone', () => {
    const crowd = failing(300, 'ICN').map((row) => ({ ...row, hostHash: 'b'.repeat(64) }));
    expect(cloudflare([...crowd, ...failing(5, 'FRA', 30)]).summary.state).toBe('normal');
  });

  it('lets one network inventing 400 failing sites add only as much as three', () => {
    const invented = (count: number) => failing(count, 'ICN').map((row) => ({ ...row, network: 'one-network' }));
    const flood = cloudflare([...invented(400), ...failing(2, 'ICN')]).summary;
    expect(flood.sites.m5).toBe(5);
    expect(flood.state).toBe(cloudflare([...invented(3), ...failing(2, 'ICN')]).summary.state);
    expect(flood.state).not.toBe('outage');
  });

  it('measures against the same time of day: a usual breadth is normal', () => {
    const usual = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ vendor: 'cloudflare', colo: null, day, sites: 30 }));
    expect(cloudflare(failing(30, 'ICN', 10), usual).summary.state).toBe('normal');
    expect(cloudflare(failing(30, 'ICN', 10)).summary.state).toBe('outage');
  });

  it('forgets sightings older than an hour, and draws the hour in twelve 5-minute steps', () => {
    const { summary, detail } = cloudflare([
      ...failing(6, 'ICN', 61),
      ...failing(6, 'ICN', 12),
      ...failing(7, 'ICN', 0),
    ]);
    expect(summary.sites.m60).toBe(13);
    expect(detail.series).toHaveLength(12);
    expect(detail.series.at(-1)).toEqual({ minute: NOW, sites: 7, reports: 14 });
    expect(detail.series.at(-3)).toMatchObject({ minute: NOW - 10, sites: 6 });
    expect(detail.series.reduce((sum, point) => sum + point.sites, 0)).toBe(13);
  });

  it('matches the published schemas, for every vendor', () => {
    const radar = buildRadar(failing(9, 'ICN'), [], NOW);
    expect(v.safeParse(CdnSummarySchema, { minute: radar.minute, vendors: radar.vendors }).success).toBe(true);
    for (const detail of radar.details.values()) expect(v.safeParse(VendorDetailSchema, detail).success).toBe(true);
  });
});
