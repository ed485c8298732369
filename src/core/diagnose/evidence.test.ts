import { describe, expect, it } from 'vitest';
import { collectEvidence } from './evidence.ts';
import type { PeerFacts } from './types.ts';
import type { OutageState } from '../peer/wire.ts';
import type { RadarFacts } from '../radar/radar-client.ts';
import { someFacts } from '../../../tests/support/builders.ts';

const NOW = Date.UTC(2025, 10, 18, 11, 30);
const facts = (peers: PeerFacts | null) =>
  someFacts({ host: 'shop.co.kr', page: { kind: 'edge-error', vendor: 'cloudflare', colo: 'ICN', code: 500 }, peers });
const peerItem = (peers: PeerFacts | null) =>
  collectEvidence(facts(peers), NOW).find((item) => item.source === 'peers');

describe('peer evidence', () => {
  it.each<[string, PeerFacts, string, Record<string, number>, number]>([
    [
      'an outage: whole multiples from 10×',
      { state: 'outage', count15: 38, ratio: 38 / 3.2 },
      'ev_peers',
      { count: 38, ratio: 12 },
      0.7,
    ],
    [
      'elevated: one decimal below 10×',
      { state: 'elevated', count15: 5, ratio: 5 / 2 },
      'ev_peers',
      { count: 5, ratio: 2.5 },
      0.3,
    ],
    [
      'below the usual still shows a ratio, not 0×',
      { state: 'normal', count15: 1, ratio: 1 / 2.5 },
      'ev_peers',
      { count: 1, ratio: 0.4 },
      0.3,
    ],
    [
      'no usual level: the variant without a ratio',
      { state: 'outage', count15: 30, ratio: null },
      'ev_peersNoRatio',
      { count: 30 },
      0.7,
    ],
  ])('%s', (_, peers, key, params, weight) => {
    expect(peerItem(peers)).toEqual({ source: 'peers', observed: { key, params }, at: NOW, weight });
  });

  it('no facts (off, failed, or nobody reported the site): no item', () => {
    expect(peerItem(null)).toBeUndefined();
  });
});

describe('radar evidence', () => {
  const radarItem = (radar: RadarFacts | null) =>
    collectEvidence(someFacts({ page: { kind: 'edge-error', vendor: 'cloudflare', colo: 'ICN' }, radar }), NOW).find(
      (item) => item.source === 'radar',
    );
  const radar = (state: OutageState, colos: string[], coloState: OutageState | null = null): RadarFacts => ({
    vendor: 'cloudflare',
    state,
    sites15: 412,
    colos,
    coloState,
    series: [],
  });

  it.each<[string, RadarFacts, string, Record<string, string | number>, number]>([
    [
      'an outage names how many sites fail and the first three colos',
      radar('outage', ['ICN', 'NRT', 'HKG', 'SIN']),
      'ev_radarOutage',
      { count: 412, vendor: 'cloudflare', colos: 'ICN, NRT, HKG, …' },
      0.85,
    ],
    [
      'my colo down is an outage too',
      radar('elevated', ['ICN'], 'outage'),
      'ev_radarOutage',
      { count: 412, vendor: 'cloudflare', colos: 'ICN' },
      0.85,
    ],
    ['elevated adds a little', radar('elevated', []), 'ev_radarElevated', { count: 412, vendor: 'cloudflare' }, 0.4],
    ['normal is context', radar('normal', []), 'ev_radarNormal', { vendor: 'cloudflare' }, 0.2],
  ])('%s', (_, facts, key, params, weight) => {
    expect(radarItem(facts)).toEqual({ source: 'radar', observed: { key, params }, at: NOW, weight });
  });

  it('a radar that was off or did not answer gives no item', () => {
    expect(radarItem(null)).toBeUndefined();
  });
});
