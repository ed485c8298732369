import { describe, expect, it } from 'vitest';
import { DECISION_TABLE } from './decision-table.ts';
import { decide } from './decide.ts';
import type { Facts, VendorStatusFacts } from './types.ts';
import { someFacts } from '../../../tests/support/builders.ts';
import type { OutageState } from '../peer/wire.ts';
import type { RadarFacts } from '../radar/radar-client.ts';

const NOW = Date.UTC(2025, 10, 18, 11, 30);

const operational: VendorStatusFacts = {
  coloState: 'operational',
  coloComponent: 'Seoul, South Korea - (ICN)',
  explainingState: 'operational',
  explainingComponent: 'CDN/Cache',
  coloIncident: null,
  serviceIncident: null,
};
const cf = { vendor: 'cloudflare' as const, colo: 'ICN' };
const works = { connectivity: { ok: 2, failed: 0 } };
/** What the CDN radar says about Cloudflare, and about the page's colo (ICN). */
const radarSays = (state: OutageState, coloState: OutageState | null = null): RadarFacts => ({
  vendor: 'cloudflare',
  state,
  sites15: state === 'outage' ? 412 : 6,
  colos: coloState === 'outage' || state === 'outage' ? ['ICN', 'NRT'] : [],
  coloState,
  series: new Array<number>(12).fill(0),
});

/** One row per line of the decision table, named by the scenario it models. */
const CASES: Array<[rule: string, culprit: string, scenario: string, input: Facts]> = [
  [
    'net-offline',
    'network',
    'every host unreachable',
    someFacts({ page: { kind: 'network-error', network: 'timeout' }, probes: { connectivity: { ok: 0, failed: 2 } } }),
  ],
  [
    'dns-site-broken',
    'site',
    'DNS fails, DoH cannot resolve it either',
    someFacts({ page: { kind: 'network-error', network: 'dns' }, probes: { ...works, doh: 'nxdomain' } }),
  ],
  [
    'dns-your-resolver',
    'network',
    'DNS fails locally, DoH resolves it',
    someFacts({ page: { kind: 'network-error', network: 'dns' }, probes: { ...works, doh: 'resolves' } }),
  ],
  [
    'net-site-unreachable',
    'site',
    'connection refused while controls answer',
    someFacts({ page: { kind: 'network-error', network: 'refused' }, probes: works }),
  ],
  [
    'net-unknown',
    'unknown',
    'network error, no probe could run',
    someFacts({ page: { kind: 'network-error', network: 'tls' } }),
  ],
  [
    'unconfirmed',
    'unknown',
    'a page imitating a Cloudflare 522',
    someFacts({ page: { kind: 'origin-error', ...cf, unconfirmed: true } }),
  ],
  ['blocked', 'blocked', 'error 1020', someFacts({ page: { kind: 'blocked', ...cf, code: 1020 } })],
  [
    'challenge-cdn-down',
    'cdn',
    'challenge platform in major outage',
    someFacts({
      page: { kind: 'challenge-failed', ...cf },
      vendorStatus: { ...operational, explainingState: 'major', explainingComponent: 'Turnstile' },
      probes: { trace: { colo: 'ICN', warp: false, gateway: false } },
    }),
  ],
  [
    'challenge-radar',
    'cdn',
    '"Please unblock challenges.cloudflare.com" while the radar names my colo down',
    someFacts({ page: { kind: 'challenge-failed', ...cf }, radar: radarSays('normal', 'outage') }),
  ],
  [
    'challenge-cdn-wide',
    'cdn',
    'challenges failing on three unrelated sites',
    someFacts({ page: { kind: 'challenge-failed', ...cf }, correlation: { hosts: 3, sameColo: true } }),
  ],
  [
    'challenge-your-browser',
    'browser',
    'please unblock challenges.cloudflare.com, edge fine',
    someFacts({
      page: { kind: 'challenge-failed', ...cf },
      vendorStatus: operational,
      probes: { trace: { colo: 'ICN', warp: false, gateway: false } },
    }),
  ],
  [
    'challenge-unknown',
    'unknown',
    'challenge cannot load and nothing else answers',
    someFacts({ page: { kind: 'challenge-failed', ...cf } }),
  ],
  ['challenge', 'blocked', 'a managed challenge', someFacts({ page: { kind: 'challenge', ...cf } })],
  [
    'cdn-colo-incident',
    'cdn',
    'branded 500, incident on ICN',
    someFacts({
      page: { kind: 'edge-error', ...cf, code: 500 },
      vendorStatus: {
        ...operational,
        coloState: 'major',
        coloIncident: { title: 'Seoul issues', url: 'https://www.cloudflarestatus.com/incidents/x' },
      },
    }),
  ],
  [
    'cdn-service-incident',
    'cdn',
    'branded 500, CDN/Cache degraded',
    someFacts({ page: { kind: 'edge-error', ...cf }, vendorStatus: { ...operational, explainingState: 'degraded' } }),
  ],
  [
    'cdn-radar',
    'cdn',
    'a branded 500 while the radar names the CDN down, status page silent',
    someFacts({
      page: { kind: 'edge-error', ...cf, code: 500 },
      radar: radarSays('outage'),
      vendorStatus: operational,
    }),
  ],
  [
    'cdn-correlated',
    'cdn',
    '18-Nov replay: status unreachable, three sites fail',
    someFacts({
      page: { kind: 'edge-error', ...cf, code: 500 },
      correlation: { hosts: 3, sameColo: true },
      sources: { 'vendor-status': { state: 'failed', ms: 12, reason: 'connection refused' } },
    }),
  ],
  [
    'cdn-edge-page',
    'cdn',
    'one branded 500, status operational',
    someFacts({ page: { kind: 'edge-error', ...cf }, vendorStatus: operational }),
  ],
  ['site-config', 'site', 'error 1016 origin DNS', someFacts({ page: { kind: 'site-config', ...cf, code: 1016 } })],
  [
    'site-server',
    'site',
    "nginx's own 502, no CDN in front",
    someFacts({ page: { kind: 'origin-error', vendor: null, code: 502, platform: 'nginx' } }),
  ],
  [
    'site-origin',
    'site',
    '522 with status operational',
    someFacts({ page: { kind: 'origin-error', ...cf, code: 522 }, vendorStatus: operational }),
  ],
  [
    'now-failing-cdn',
    'cdn',
    '"Check this site" on a page that loaded: the fresh request gets a CDN error',
    someFacts({ probes: { origin: 'cdn-error' } }),
  ],
  [
    'now-failing-site',
    'site',
    '"Check this site": the fresh request gets no answer',
    someFacts({ probes: { origin: 'unreachable' } }),
  ],
  ['none', 'none', 'a normal page', someFacts()],
];

describe('decision table', () => {
  it.each(CASES)('row %s → %s (%s)', (rule, culprit, _scenario, input) => {
    const verdict = decide(input, NOW);
    expect(verdict.rule).toBe(rule);
    expect(verdict.culprit).toBe(culprit);
  });

  it('has a test case for every row', () => {
    expect(new Set(CASES.map(([rule]) => rule))).toEqual(new Set(DECISION_TABLE.map((row) => row.id)));
  });

  it("the origin's own 503 passed through Cloudflare is the site", () => {
    const verdict = decide(someFacts({ page: { kind: 'origin-error', ...cf, code: 503 } }), NOW);
    expect(verdict).toMatchObject({ culprit: 'site', vendor: 'cloudflare', rule: 'site-origin' });
  });

  it('the radar row says whether the status page has caught up', () => {
    const page = { kind: 'edge-error' as const, ...cf, code: 500 };
    expect(decide(someFacts({ page, radar: radarSays('outage'), vendorStatus: operational }), NOW)).toMatchObject({
      rule: 'cdn-radar',
      acknowledged: 'no',
    });
    const unreachable = { 'vendor-status': { state: 'failed' as const, ms: 9 } };
    expect(decide(someFacts({ page, radar: radarSays('outage'), sources: unreachable }), NOW).acknowledged).toBe(
      'unreachable',
    );
  });

  it.each([
    ['an origin error while the vendor (not my colo) is down', 'origin-error', radarSays('outage'), 'site-origin'],
    ['an origin error while my colo is down', 'origin-error', radarSays('elevated', 'outage'), 'cdn-radar'],
    ['a branded 500 while the radar is only elevated', 'edge-error', radarSays('elevated'), 'cdn-edge-page'],
    ['a block while the radar names an outage', 'blocked', radarSays('outage', 'outage'), 'blocked'],
  ] as const)('%s: %s', (_name, kind, radar, rule) => {
    expect(decide(someFacts({ page: { kind, ...cf, code: 500 }, radar }), NOW).rule).toBe(rule);
  });

  it('an elevated radar makes a CDN verdict surer, never different', () => {
    const page = { kind: 'edge-error' as const, ...cf, code: 500 };
    const plain = decide(someFacts({ page }), NOW);
    const elevated = decide(someFacts({ page, radar: radarSays('elevated') }), NOW);
    expect(elevated.rule).toBe(plain.rule);
    expect(elevated.confidence).toBeCloseTo(plain.confidence + 0.05);
  });

  it('a radar that failed is a failed source, never an all-clear', () => {
    const page = { kind: 'edge-error' as const, ...cf, code: 500 };
    const failed = decide(someFacts({ page, sources: { radar: { state: 'failed', ms: 3000 } } }), NOW);
    expect(failed.rule).toBe(decide(someFacts({ page }), NOW).rule);
    expect(failed.sources.radar?.state).toBe('failed');
  });

  it('the correlated CDN row says the vendor has not acknowledged it, or that its status page is unreachable', () => {
    const [, , , unreachable] = CASES.find(([rule]) => rule === 'cdn-correlated')!;
    expect(decide(unreachable, NOW).acknowledged).toBe('unreachable');
    expect(decide({ ...unreachable, vendorStatus: operational, sources: {} }, NOW).acknowledged).toBe('no');
  });

  it("the site's own status page admitting an incident makes a site verdict surer", () => {
    const page = { kind: 'origin-error' as const, ...cf, code: 522 };
    const plain = decide(someFacts({ page }), NOW);
    const admitted = decide(
      someFacts({ page, siteStatus: { indicator: 'major', incident: { title: 'Elevated errors', url: null } } }),
      NOW,
    );
    expect(admitted.confidence).toBeGreaterThan(plain.confidence);
    expect(admitted.evidence.map((e) => e.observed.key)).toContain('ev_siteStatusIncident');
  });

  it('a re-routed data centre is not an outage', () => {
    const verdict = decide(
      someFacts({
        page: { kind: 'origin-error', ...cf, code: 522 },
        vendorStatus: { ...operational, coloState: 'rerouted' },
      }),
      NOW,
    );
    expect(verdict.culprit).toBe('site');
  });

  it('carries colo, incident, advice and evidence from the facts', () => {
    const [, , , input] = CASES.find(([rule]) => rule === 'cdn-colo-incident')!;
    const verdict = decide(input, NOW);
    expect(verdict).toMatchObject({
      colo: 'ICN',
      component: 'Seoul, South Korea - (ICN)',
      acknowledged: 'yes',
      incident: { title: 'Seoul issues' },
    });
    expect(verdict.headline).toEqual({
      key: 'verdict_cdnColo',
      params: { host: 'shop.example', vendor: 'cloudflare', colo: 'ICN' },
    });
    expect(verdict.evidence.map((e) => e.observed.key)).toEqual([
      'ev_pageKind',
      'ev_statusColoIncident',
      'ev_statusService',
    ]);
  });

  it('failed sources lower the confidence, and a failed status never reads as all clear', () => {
    const page = { kind: 'origin-error' as const, ...cf, code: 522 };
    const fine = decide(someFacts({ page, vendorStatus: operational }), NOW);
    const down = decide(
      someFacts({
        page,
        sources: { 'vendor-status': { state: 'timeout', ms: 3000 }, 'trace-probe': { state: 'failed', ms: 5 } },
      }),
      NOW,
    );
    expect(down.confidence).toBeLessThan(fine.confidence);
    expect(down.evidence.map((e) => e.observed.key)).toContain('ev_statusUnreachable');
  });
});
