import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coloFromComponentName, parseCloudflareSummary } from './cloudflare.ts';
import {
  findColoComponent,
  findComponentsExplaining,
  incidentsForColo,
  isComponentTroubled,
} from './status-queries.ts';
import type { VendorStatus } from './types.ts';
import {
  ASIA,
  SERVICES,
  cloudflareSummary,
  component,
  group,
  incident,
} from '../../../tests/support/status/statuspage-payloads.ts';
import { expectOk, metaFor } from '../../../tests/support/status/parse-helpers.ts';
import { hasRealPayload, realPayload } from '../../../tests/support/real-world.ts';

const META = metaFor('https://www.cloudflarestatus.com/api/v2/summary.json');
const parse = (body: unknown) => expectOk(parseCloudflareSummary(JSON.stringify(body), META));

describe('coloFromComponentName', () => {
  it.each([
    ['Seoul, South Korea - (ICN)', 'Asia', 'ICN'],
    ['Bratislava, Slovakia   - (BTS)', 'Europe', 'BTS'],
    ['Naha, Japan  - (OKA) ', 'Asia', 'OKA'],
    ['Europe - Berlin, Germany - (TXL)', undefined, 'TXL'],
    ['Ramallah - (ZDM)', 'Middle East', 'ZDM'],
    ['Data Loss Prevention (DLP)', 'Cloudflare Sites and Services', null],
    ['Digital Experience Monitoring (DEX)', undefined, null],
    ['Cloudflare Sites and Services - Foo - (ABC)', undefined, null],
    ['CDN/Cache', 'Cloudflare Sites and Services', null],
  ])('%s → %s', (name, groupName, expected) => {
    expect(coloFromComponentName(name, groupName)).toBe(expected);
  });
});

describe('parseCloudflareSummary: the page’s own semantics', () => {
  it('reads a partial_outage data centre as re-routed and under_maintenance as partially re-routed', () => {
    const status = parse(cloudflareSummary());
    expect(findColoComponent(status, 'icn')).toMatchObject({
      name: 'Seoul, South Korea - (ICN)',
      status: 'rerouted',
      label: 'Re-routed',
      group: 'Asia',
    });
    expect(findColoComponent(status, 'EWR')).toMatchObject({ status: 'rerouted', label: 'Partially re-routed' });
    expect(findColoComponent(status, 'KIX')).toMatchObject({ status: 'operational', colo: 'KIX' });
    expect(isComponentTroubled(findColoComponent(status, 'ICN')!)).toBe(false);
    expect(findColoComponent(status, 'XXX')).toBeNull();
  });

  it('reports indicator none when only re-routed data centres exist, as the page does', () => {
    const status = parse(cloudflareSummary());
    expect(status.rawIndicator).toBe('minor');
    expect(status.indicator).toBe('none');
  });

  it('keeps minor when a service component is degraded', () => {
    const body = cloudflareSummary();
    const components = (body.components as Array<{ id: string; status: string }>).map((c) =>
      c.id === 'tur1' ? { ...c, status: 'degraded_performance' } : c,
    );
    const status = parse({ ...body, components });
    expect(status.indicator).toBe('minor');
    expect(findComponentsExplaining(status, 'challenge').map((c) => c.name)).toEqual([
      'Challenge Platform',
      'Turnstile',
      'Bot Management',
    ]);
  });

  it('keeps the API indicator when a data centre is offline (major_outage)', () => {
    const status = parse(
      cloudflareSummary({
        components: [
          group(ASIA, 'Asia', 'major_outage', ['icn1']),
          component('icn1', 'Seoul, South Korea - (ICN)', 'major_outage', ASIA),
        ],
      }),
    );
    expect(findColoComponent(status, 'ICN')).toMatchObject({ status: 'major', label: 'Offline' });
    expect(status.indicator).toBe('minor');
  });

  it('keeps minor while an incident is open, and keeps major/critical untouched', () => {
    expect(parse(cloudflareSummary({ incidents: [incident({ id: 'i', name: 'Elevated errors' })] })).indicator).toBe(
      'minor',
    );
    expect(parse(cloudflareSummary({ indicator: 'critical' })).indicator).toBe('critical');
  });

  it('maps service components to the detection kinds they explain', () => {
    const status = parse(cloudflareSummary());
    const names = (kind: Parameters<typeof findComponentsExplaining>[1], colo?: string) =>
      findComponentsExplaining(status, kind, colo).map((c) => c.name);
    expect(names('edge-error')).toEqual(['CDN/Cache']);
    expect(names('edge-error', 'ICN')).toEqual(['CDN/Cache', 'Seoul, South Korea - (ICN)']);
    expect(names('challenge-failed')).toEqual(['Challenge Platform', 'Turnstile', 'Bot Management']);
    expect(names('blocked')).toEqual(['Bot Management', 'WAF']);
    expect(names('site-config')).toEqual(['Authoritative DNS']);
    expect(names('origin-error')).toEqual(['Workers']);
    expect(status.components.find((c) => c.name.startsWith('Data Loss'))?.colo).toBeUndefined();
  });

  it('finds maintenances and incidents for a colo by title, affected components and component id', () => {
    const status = parse(
      cloudflareSummary({
        incidents: [
          incident({
            id: 'i-icn',
            name: 'Network issues in Seoul',
            affected: [['icn1', 'Asia - Seoul, South Korea - (ICN)']],
          }),
          incident({ id: 'i-cdn', name: 'CDN errors', affected: [['cdn1', `${SERVICES} - CDN/Cache`]] }),
        ],
      }),
    );
    expect(incidentsForColo(status, 'ewr').map((i) => i.title)).toEqual(['EWR (Newark) on 2026-09-01']);
    expect(incidentsForColo(status, 'ICN').map((i) => i.id)).toEqual(['i-icn']);
    expect(incidentsForColo(status, 'KIX')).toEqual([]);
  });
});

describe('Cloudflare indicator relabelling (property)', () => {
  const STATES = [
    'operational',
    'partial_outage',
    'under_maintenance',
    'major_outage',
    'degraded_performance',
    'mystery',
  ];
  it('says none only when every data centre is operational or re-routed and services are operational', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...STATES), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...STATES),
        (dcStates, serviceState) => {
          const components = [
            group(
              ASIA,
              'Asia',
              'operational',
              dcStates.map((_, i) => `dc${i}`),
            ),
            ...dcStates.map((s, i) =>
              component(`dc${i}`, `City ${i}, Country - (A${String.fromCharCode(65 + i)}A)`, s, ASIA),
            ),
            component('svc', 'CDN/Cache', serviceState, SERVICES),
          ];
          const status = parse(cloudflareSummary({ components, maintenances: [] }));
          const calm =
            serviceState === 'operational' &&
            dcStates.every((s) => ['operational', 'partial_outage', 'under_maintenance'].includes(s));
          expect(status.indicator).toBe(calm ? 'none' : 'minor');
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe.skipIf(!hasRealPayload('cloudflare-summary.json'))('real payload: cloudflare-summary.json (Aug 2026)', () => {
  // Parsed lazily: vitest still runs a skipped describe's body to collect its tests, and the file may be absent.
  let parsed: VendorStatus | undefined;
  const real = () =>
    (parsed ??= expectOk(parseCloudflareSummary(realPayload('cloudflare-summary.json') ?? new Uint8Array(), META)));

  it('finds ~340 data centres, none of them service components', () => {
    const colos = real().components.filter((c) => c.colo !== undefined);
    expect(colos.length).toBe(339);
    expect(findColoComponent(real(), 'ICN')?.name).toBe('Seoul, South Korea - (ICN)');
    expect(findColoComponent(real(), 'BTS')?.name).toBe('Bratislava, Slovakia   - (BTS)');
    expect(findColoComponent(real(), 'DLP')).toBeNull();
  });

  it('shows all operational in effect: indicator minor becomes none, only re-routes exist', () => {
    expect(real().rawIndicator).toBe('minor');
    expect(real().indicator).toBe('none');
    expect(real().components.filter(isComponentTroubled)).toEqual([]);
    expect(findColoComponent(real(), 'YYC')).toMatchObject({ status: 'rerouted', label: 'Re-routed' });
    expect(findColoComponent(real(), 'CGK')).toMatchObject({ status: 'rerouted', label: 'Partially re-routed' });
  });

  it('maps the real service names to detection kinds', () => {
    const names = (kind: Parameters<typeof findComponentsExplaining>[1]) =>
      findComponentsExplaining(real(), kind).map((c) => c.name);
    expect(names('edge-error')).toEqual(expect.arrayContaining(['CDN/Cache']));
    expect(names('edge-error')).not.toContain('CDN Cache Purge');
    expect(names('challenge')).toEqual(expect.arrayContaining(['Challenge Platform', 'Turnstile', 'Bot Management']));
    expect(names('blocked')).toEqual(expect.arrayContaining(['Firewall', 'Rules']));
    expect(names('blocked')).not.toContain('DNS Firewall');
    expect(names('site-config')).toEqual(expect.arrayContaining(['Authoritative DNS', 'Tunnel']));
    expect(names('site-config')).not.toContain('Recursive DNS');
    expect(names('origin-error')).toEqual(expect.arrayContaining(['Workers']));
  });

  it('ties colo-named maintenances to their data centres', () => {
    expect(incidentsForColo(real(), 'EWR').map((i) => i.title)).toEqual([
      'EWR (Newark) on 2026-09-01',
      'EWR (Newark) on 2026-09-02',
    ]);
    expect(incidentsForColo(real(), 'TXL')[0]).toMatchObject({
      kind: 'maintenance',
      phase: 'scheduled',
      colos: ['TXL'],
    });
    expect(incidentsForColo(real(), 'HKG')).toHaveLength(2);
  });
});
