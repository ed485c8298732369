/**
 * Decides whether a host is having an outage from crowd reports alone. Pure: the caller supplies the counts.
 *
 * The rule, after Downdetector's "volume against a time-of-day baseline, and duration":
 * - Counts come in 5-minute slots (slot 0 = the current minute and the 4 before it), 12 slots = the last hour.
 * - `baseline15` = the MEDIAN over the previous 7 days of the reports in the same one-hour window of day
 *   (now ± 30 min, one day back, two days back, ...), divided by 4. Missing days count as 0. The median, not the mean,
 *   so that one past outage does not raise the bar for the next. With ~8 days of retention a true hour-of-week
 *   baseline would have a single sample, so every day's same hour is used (it includes the same weekday a week ago).
 * - `expected15` = max(baseline15, 1), so a host nobody ever reports does not turn a single report into an infinite
 *   ratio.
 * - A 15-minute window is the sum of 3 consecutive slots. Window k ends k slots (5k minutes) ago.
 * - **elevated**: the current window has ≥ 5 reports and ≥ 3 × expected15.
 * - **outage**: the windows ending now, 5 and 10 minutes ago each have ≥ 10 reports and ≥ 5 × expected15,
 *   i.e. a heavy excess that has lasted at least ~10 minutes. One burst of reports cannot trip it.
 * - otherwise **normal**.
 *
 * @example
 * assessOutage({ slots: [40, 38, 35, 2], dailyHour: [4, 3, 5, 4, 2, 4, 6] }).state // 'outage'
 */
import type { OutageState } from './wire.ts';

export interface HostSeries {
  /** Reports per 5-minute slot, newest first (age 0–4 min, 5–9, ...). Missing slots count as 0; only 12 are used. */
  slots: readonly number[];
  /** Reports in the one-hour window centred on this time of day, 1, 2, ... days ago. Missing days count as 0. */
  dailyHour: readonly number[];
}

export interface OutageAssessment {
  count15: number;
  count60: number;
  baseline15: number;
  state: OutageState;
}

export interface OutageRule {
  minElevated: number;
  elevatedRatio: number;
  minOutage: number;
  outageRatio: number;
  /** How many consecutive windows (5 minutes apart) must all meet the outage bar. 3 = at least 10 minutes. */
  sustainedWindows: number;
  baselineFloor15: number;
}

const OUTAGE_RULE: OutageRule = {
  minElevated: 5,
  elevatedRatio: 3,
  minOutage: 10,
  outageRatio: 5,
  sustainedWindows: 3,
  baselineFloor15: 1,
};

/** Minutes per slot; the server groups stored minutes the same way. */
export const SLOT_MINUTES = 5;
export const SLOT_COUNT = 12;
export const BASELINE_DAYS = 7;
/** The baseline window for day d covers ages [1440d − 30, 1440d + 30). */
export const BASELINE_HALF_WINDOW = 30;

/**
 * Applies the rule above to one host's counts.
 * @example assessOutage({ slots: [1], dailyHour: [] }) // { count15: 1, count60: 1, baseline15: 0, state: 'normal' }
 */
export function assessOutage(series: HostSeries, rule: OutageRule = OUTAGE_RULE): OutageAssessment {
  const slotAt = (index: number): number => series.slots[index] ?? 0;
  const windowAt = (k: number): number => slotAt(k) + slotAt(k + 1) + slotAt(k + 2);
  const baseline15 = medianOfDays(series.dailyHour, BASELINE_DAYS) / 4;
  const expected15 = Math.max(baseline15, rule.baselineFloor15);

  let count60 = 0;
  for (let index = 0; index < SLOT_COUNT; index++) count60 += slotAt(index);
  const count15 = windowAt(0);

  const isOutageWindow = (k: number): boolean =>
    windowAt(k) >= rule.minOutage && windowAt(k) >= rule.outageRatio * expected15;
  const isSustainedOutage = Array.from({ length: rule.sustainedWindows }, (_, k) => k).every(isOutageWindow);
  const isElevated = count15 >= rule.minElevated && count15 >= rule.elevatedRatio * expected15;

  const state: OutageState = isSustainedOutage ? 'outage' : isElevated ? 'elevated' : 'normal';
  return { count15, count60, baseline15, state };
}

/** The median of the first `days` samples, a missing day counting as 0. Shared with the CDN radar's baseline. */
export function medianOfDays(samples: readonly number[], days: number): number {
  const sorted = Array.from({ length: days }, (_, index) => samples[index] ?? 0).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
