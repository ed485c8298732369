import { describe, expect, it } from 'vitest';
import { assessRadar, RADAR_RULES } from './radar-rule.ts';
import { MIN_PUBLISHED_SITES } from './privacy-floor.ts';

describe('the radar rule', () => {
  it.each([
    ['one site down, however loudly', { sites5: 1, sites15: 1, baseline15: 0 }, 'normal'],
    ['a usual hour of scattered failures', { sites5: 2, sites15: 6, baseline15: 5 }, 'normal'],
    ['a sudden broad failure, within 5 minutes', { sites5: 30, sites15: 30, baseline15: 2 }, 'outage'],
    ['the same breadth at a busy hour', { sites5: 8, sites15: 20, baseline15: 12 }, 'elevated'],
    ['a rise that is not yet broad', { sites5: 5, sites15: 6, baseline15: 1 }, 'elevated'],
    [
      'after the failure ends, the 15-minute window holds the state',
      { sites5: 0, sites15: 40, baseline15: 2 },
      'outage',
    ],
  ] as const)('%s: %s', (_name, windows, state) => {
    expect(assessRadar(windows, 'vendor')).toBe(state);
  });

  it('needs fewer sites at one colo than across the vendor', () => {
    const windows = { sites5: 6, sites15: 6, baseline15: 0 };
    expect(assessRadar(windows, 'colo')).toBe('outage');
    expect(assessRadar(windows, 'vendor')).toBe('elevated');
  });

  it('never leaves normal below the publishing floor, so no state stays hidden', () => {
    for (const rule of Object.values(RADAR_RULES)) {
      expect(rule.minElevated).toBeGreaterThanOrEqual(MIN_PUBLISHED_SITES);
      expect(rule.minOutage).toBeGreaterThanOrEqual(rule.minElevated);
    }
    expect(assessRadar({ sites5: MIN_PUBLISHED_SITES - 1, sites15: 4, baseline15: 0 }, 'colo')).toBe('normal');
  });
});
