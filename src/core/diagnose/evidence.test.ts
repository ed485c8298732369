import { describe, expect, it } from 'vitest';
import { collectEvidence } from './evidence.ts';
import type { PeerFacts } from './types.ts';
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
