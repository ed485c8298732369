import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessOutage,
  BASELINE_DAYS,
  BASELINE_HALF_WINDOW,
  SLOT_COUNT,
  SLOT_MINUTES,
  type HostSeries,
} from './outage-rule.ts';
import type { OutageState } from './wire.ts';

/** Builds what the server would hand the rule at minute `now` from a per-minute report function. */
function seriesAt(reportsAt: (minute: number) => number, now: number): HostSeries {
  const slots = Array.from({ length: SLOT_COUNT }, (_, slot) => {
    let sum = 0;
    for (let age = slot * SLOT_MINUTES; age < (slot + 1) * SLOT_MINUTES; age++) sum += reportsAt(now - age);
    return sum;
  });
  const dailyHour = Array.from({ length: BASELINE_DAYS }, (_, index) => {
    const centre = now - (index + 1) * 1440;
    let sum = 0;
    for (let age = -BASELINE_HALF_WINDOW; age < BASELINE_HALF_WINDOW; age++) sum += reportsAt(centre - age);
    return sum;
  });
  return { slots, dailyHour };
}

/** Deterministic noise so tests are reproducible. */
function noise(minute: number, salt: number): number {
  const x = Math.sin(minute * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

describe('assessOutage on hand-made series', () => {
  it('is normal with no reports at all', () => {
    expect(assessOutage({ slots: [], dailyHour: [] })).toEqual({
      count15: 0,
      count60: 0,
      baseline15: 0,
      state: 'normal',
    });
  });

  it('needs the minimum count: 4 reports on a silent host stay normal', () => {
    expect(assessOutage({ slots: [4], dailyHour: [] }).state).toBe('normal');
    expect(assessOutage({ slots: [5], dailyHour: [] }).state).toBe('elevated');
  });

  it('needs the ratio: a host with a big baseline is not elevated by its usual volume', () => {
    const busy = { slots: [30, 30, 30, 30], dailyHour: [400, 380, 420, 410, 390, 400, 405] };
    expect(assessOutage(busy).baseline15).toBe(100);
    expect(assessOutage(busy).state).toBe('normal');
  });

  it('needs duration: one 5-minute burst is elevated, never an outage', () => {
    expect(assessOutage({ slots: [200, 0, 0, 0], dailyHour: [] }).state).toBe('elevated');
    // The burst 5 minutes ago still fills the current window, but the window 10 minutes ago is empty.
    expect(assessOutage({ slots: [0, 200, 0, 0], dailyHour: [] }).state).toBe('elevated');
  });

  it('calls an outage once three windows 5 minutes apart all carry the excess', () => {
    expect(assessOutage({ slots: [0, 0, 12, 0, 0], dailyHour: [] }).state).toBe('outage');
    expect(assessOutage({ slots: [0, 0, 0, 12, 0], dailyHour: [] }).state).toBe('normal');
  });

  it('uses the median so one past outage does not hide the next', () => {
    const pastOutage = [0, 0, 900, 0, 0, 0, 0];
    expect(assessOutage({ slots: [10, 10, 10], dailyHour: pastOutage }).state).toBe('outage');
  });

  it('counts the last hour and the last 15 minutes', () => {
    const result = assessOutage({ slots: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99], dailyHour: [] });
    expect(result.count15).toBe(6);
    expect(result.count60).toBe(78);
  });
});

describe('assessOutage properties', () => {
  const counts = fc.array(fc.nat({ max: 500 }), { maxLength: 14 });

  it('an outage is always also above the elevated bar, and never without reports now', () => {
    fc.assert(
      fc.property(counts, counts, (slots, dailyHour) => {
        const result = assessOutage({ slots, dailyHour });
        if (result.state === 'outage') expect(result.count15).toBeGreaterThanOrEqual(10);
        if (result.count15 < 5) expect(result.state).toBe('normal');
      }),
    );
  });

  it('more reports now never lower the state', () => {
    const rank: Record<OutageState, number> = { normal: 0, elevated: 1, outage: 2 };
    fc.assert(
      fc.property(counts, counts, fc.nat({ max: 100 }), (slots, dailyHour, extra) => {
        const more = slots.length === 0 ? [extra] : [slots[0]! + extra, ...slots.slice(1)];
        expect(rank[assessOutage({ slots: more, dailyHour }).state]).toBeGreaterThanOrEqual(
          rank[assessOutage({ slots, dailyHour }).state],
        );
      }),
    );
  });
});

describe('replay shaped like 18 Nov 2025 (Cloudflare edge 500s from 11:20 UTC for ~3 h)', () => {
  // One busy Cloudflare-fronted site. Day minute 0 = 00:00 UTC on 18 Nov; earlier days are negative minutes.
  const at = (hh: number, mm: number): number => hh * 60 + mm;
  const START = at(11, 20);
  const END = at(14, 30);
  // Background: people hit odd failures all day, more in the European afternoon (~0.1–0.4 reports a minute).
  const background = (minute: number): number => {
    const dayMinute = ((minute % 1440) + 1440) % 1440;
    const rate = 0.1 + 0.3 * Math.max(0, Math.sin(((dayMinute - 360) / 1440) * 2 * Math.PI));
    return noise(minute, 1) < rate ? 1 : 0;
  };
  // Cloudflare regenerated the bad feature file every 5 minutes, so failures came and went before they stuck.
  const incident = (minute: number): number => {
    if (minute < START || minute >= END) return 0;
    const isBadFile = Math.floor((minute - START) / 5) % 2 === 0 || minute >= at(11, 50);
    return isBadFile ? 8 + Math.floor(noise(minute, 2) * 25) : Math.floor(noise(minute, 3) * 3);
  };
  const reportsAt = (minute: number): number => background(minute) + incident(minute);
  const stateAt = (minute: number): OutageState => assessOutage(seriesAt(reportsAt, minute)).state;

  it('stays normal through the morning before the incident', () => {
    for (let minute = at(6, 0); minute < START; minute++) expect(stateAt(minute), `at minute ${minute}`).toBe('normal');
  });

  it('is elevated within 5 minutes and an outage within 20, before the status page (11:48)', () => {
    const firstElevated = firstMinute(START, (minute) => stateAt(minute) !== 'normal');
    const firstOutage = firstMinute(START, (minute) => stateAt(minute) === 'outage');
    expect(firstElevated - START).toBeLessThanOrEqual(5);
    expect(firstOutage - START).toBeLessThanOrEqual(20);
    expect(firstOutage).toBeLessThan(at(11, 48));
  });

  it('holds the outage through the flapping and the three hours that follow', () => {
    for (let minute = at(11, 40); minute < END; minute++) expect(stateAt(minute), `at minute ${minute}`).toBe('outage');
  });

  it('is back to normal within 20 minutes of recovery', () => {
    for (let minute = END + 20; minute < at(18, 0); minute++)
      expect(stateAt(minute), `at minute ${minute}`).toBe('normal');
  });

  it('does not fire the next day at the same hour, although yesterday had the outage', () => {
    const nextDay = (minute: number): number => background(minute) + incident(minute);
    for (let minute = START + 1440; minute < END + 1440; minute += 7) {
      expect(assessOutage(seriesAt(nextDay, minute)).state).toBe('normal');
    }
  });
});

function firstMinute(from: number, predicate: (minute: number) => boolean): number {
  for (let minute = from; minute < from + 240; minute++) if (predicate(minute)) return minute;
  return Number.POSITIVE_INFINITY;
}
