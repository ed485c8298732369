import { describe, expect, it, vi } from 'vitest';
import { SourceSkipped } from '../core/diagnose/run-source.ts';
import type { RadarClient } from '../core/radar/radar-client.ts';
import { DEFAULT_SETTINGS, PLACEHOLDER_PEER_ENDPOINT, type Settings } from '../shared/settings.ts';
import { createRadarSource } from './radar.ts';

const MINE = 'https://peers.example.org/v1';
const answer = {
  vendor: 'cloudflare',
  state: 'outage',
  sites15: 40,
  colos: ['ICN'],
  coloState: null,
  series: [],
} as const;

function source(overrides: Partial<Settings>) {
  const lookup = vi.fn<RadarClient['lookup']>(async () => ({ ...answer, colos: [...answer.colos], series: [] }));
  const radar = createRadarSource({
    settings: async () => ({ ...DEFAULT_SETTINGS, ...overrides }),
    client: { lookup },
  });
  return { radar, lookup };
}

describe('the radar source', () => {
  it('asks the person’s own servers about the CDN by name, even with peer reports off', async () => {
    const { radar, lookup } = source({ peerReports: false, peerEndpoints: [PLACEHOLDER_PEER_ENDPOINT, MINE] });
    const signal = new AbortController().signal;
    expect((await radar('cloudflare', 'ICN', signal)).state).toBe('outage');
    expect(lookup).toHaveBeenCalledWith([MINE], 'cloudflare', 'ICN', signal);
  });

  it.each([
    ['the radar is off', { cdnRadar: false, peerEndpoints: [MINE] }],
    ['only the placeholder is set (the default)', {}],
    ['no server is set', { peerEndpoints: [] }],
  ])('is skipped, and asks nobody, when %s', async (_case, overrides) => {
    const { radar, lookup } = source(overrides);
    await expect(radar('cloudflare', null, new AbortController().signal)).rejects.toBeInstanceOf(SourceSkipped);
    expect(lookup).not.toHaveBeenCalled();
  });
});
