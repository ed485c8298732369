import { describe, expect, it } from 'vitest';
import {
  MAX_DELAY_MS,
  WATCH_LIFETIME_MS,
  delayAfter,
  isExpired,
  nextStep,
  startWatch,
  type Watch,
} from './schedule.ts';

const T0 = Date.UTC(2025, 11, 5, 8, 47);

describe('watch schedule', () => {
  it('backs off from 30 s, doubling, capped at 10 min', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => delayAfter(n) / 1000)).toEqual([30, 60, 120, 240, 480, 600, 600, 600]);
  });

  it('the first probe is due 30 s after the start', () => {
    expect(startWatch('shop.example', 'https://shop.example/', 4, T0)).toEqual({
      host: 'shop.example',
      url: 'https://shop.example/',
      tabId: 4,
      startedAt: T0,
      attempts: 0,
      nextAt: T0 + 30_000,
    });
  });

  it('"ok" from the probe is back; a CDN error page, a server error, silence or a timeout are not', () => {
    const watch = startWatch('shop.example', 'https://shop.example/', null, T0);
    expect(nextStep(watch, 'ok', T0 + 30_000).kind).toBe('back');
    for (const outcome of ['cdn-error', 'origin-error', 'unreachable', 'timeout'] as const) {
      expect(nextStep(watch, outcome, T0 + 30_000)).toEqual({
        kind: 'again',
        watch: { ...watch, attempts: 1, nextAt: T0 + 90_000 },
      });
    }
  });

  it('following the sequence, probes stop after 24 h', () => {
    let watch: Watch = startWatch('shop.example', 'https://shop.example/', null, T0);
    const gaps: number[] = [];
    for (;;) {
      const step = nextStep(watch, 'origin-error', watch.nextAt);
      if (step.kind !== 'again') {
        expect(step.kind).toBe('expired');
        break;
      }
      gaps.push((step.watch.nextAt - watch.nextAt) / 1000);
      watch = step.watch;
    }
    expect(gaps.slice(0, 6)).toEqual([60, 120, 240, 480, 600, 600]);
    expect(watch.nextAt - T0).toBeLessThanOrEqual(WATCH_LIFETIME_MS);
    expect(watch.nextAt - T0 + MAX_DELAY_MS).toBeGreaterThan(WATCH_LIFETIME_MS);
    // about 6 an hour once at the cap: ~150 probes in a day, not thousands
    expect(watch.attempts).toBeLessThan(160);
  });

  it('isExpired after 24 h (e.g. the browser was closed all day)', () => {
    const watch = startWatch('a.example', 'https://a.example/', null, T0);
    expect(isExpired(watch, T0 + WATCH_LIFETIME_MS)).toBe(false);
    expect(isExpired(watch, T0 + WATCH_LIFETIME_MS + 1)).toBe(true);
  });
});
