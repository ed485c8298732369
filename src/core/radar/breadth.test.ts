import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportKind } from '../peer/wire.ts';
import { measureBreadth, NETWORK_SITE_CAP, type Sighting } from './breadth.ts';

const sighting = (host: string, network: string, kind: ReportKind = 'edge-error', reports = 1): Sighting => ({
  minute: 100,
  vendor: 'cloudflare',
  colo: 'ICN',
  kind,
  hostHash: `${host}-`.padEnd(64, '0'),
  network,
  reports,
});

describe('breadth of a CDN failure', () => {
  it('counts a site once, however many people and networks report it', () => {
    const crowd = Array.from({ length: 200 }, (_, index) => sighting('a', `n${index}`, 'edge-error', 5));
    expect(measureBreadth(crowd, 'vendor')).toMatchObject({ sites: 1, rawSites: 1, networks: 200, reports: 1000 });
  });

  it('lets one network vouch for at most a few sites, however many it makes up', () => {
    const fakes = Array.from({ length: 500 }, (_, index) => sighting(`f${index}`, 'attacker'));
    expect(measureBreadth(fakes, 'vendor').sites).toBe(NETWORK_SITE_CAP);
  });

  it('keeps every real site when one network floods alongside them', () => {
    const real = Array.from({ length: 20 }, (_, index) => sighting(`r${index}`, `home${index}`));
    const fakes = Array.from({ length: 500 }, (_, index) => sighting(`f${index}`, 'attacker'));
    expect(measureBreadth([...fakes, ...real], 'vendor').sites).toBe(20 + NETWORK_SITE_CAP);
  });

  it('gives a shared network to the sites that have no other network', () => {
    // "big" was reported from the office and from 5 homes; the office also reported 3 small sites.
    const rows = [
      ...['office', 'h1', 'h2', 'h3', 'h4', 'h5'].map((network) => sighting('big', network)),
      ...['s1', 's2', 's3'].map((host) => sighting(host, 'office')),
    ];
    expect(measureBreadth(rows, 'vendor').sites).toBe(4);
  });

  it.each<[ReportKind, number, number]>([
    ['edge-error', 1, 1],
    ['challenge-failed', 1, 1],
    ['origin-error', 0.5, 1],
    ['blocked', 0, 0],
    ['challenge', 0, 0],
    ['site-config', 0, 0],
    ['network-error', 0, 0],
  ])('weighs %s as %d for the vendor and %d at one colo', (kind, vendor, colo) => {
    const rows = [sighting('a', 'n1', kind)];
    expect(measureBreadth(rows, 'vendor').sites).toBe(vendor);
    expect(measureBreadth(rows, 'colo').sites).toBe(colo);
  });

  it('weighs a site by its strongest kind, once', () => {
    const rows = [sighting('a', 'n1', 'origin-error'), sighting('a', 'n2', 'edge-error')];
    expect(measureBreadth(rows, 'vendor')).toMatchObject({ sites: 1, byKind: { 'origin-error': 1, 'edge-error': 1 } });
  });

  it('does not depend on the order rows arrive in, and never exceeds the cap per network', () => {
    const row = fc.record({
      host: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      network: fc.constantFrom('n1', 'n2', 'n3'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const sightings = rows.map(({ host, network }) => sighting(host, network));
        const forward = measureBreadth(sightings, 'vendor');
        expect(measureBreadth([...sightings].reverse(), 'vendor').sites).toBe(forward.sites);
        expect(forward.sites).toBeLessThanOrEqual(Math.min(forward.rawSites, forward.networks * NETWORK_SITE_CAP));
      }),
    );
  });
});
