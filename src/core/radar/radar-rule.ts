/**
 * Decides whether a CDN, or one of its data centres (colos), is failing for many sites at once, from crowd reports.
 * Pure: the caller supplies the counts (breadth.ts computes them).
 *
 * The rule looks at breadth, not volume: how many distinct sites fail, each counted once however many people report
 * it, so one big site's own outage (thousands of reports, one site) leaves its CDN `normal`.
 * - `sites5` / `sites15`: failing sites in the last 5 and 15 minutes, weighted by kind and capped per network
 *   (breadth.ts), so no one network adds more than a few sites.
 * - `baseline15`: the median, over the previous 7 days, of distinct failing sites in the same 15 minutes of day.
 *   `expected15` = max(baseline15, 1); the 5-minute window expects a third of it (at least 1).
 * - **outage**: either window has at least `minOutage` sites and `outageRatio` × its expectation. The 5-minute
 *   window makes a sudden, broad failure show within minutes (18 Nov 2025: the status page posted 28 minutes after
 *   onset); the 15-minute window keeps the state from flapping while reports arrive unevenly.
 * - **elevated**: either window has at least `minElevated` sites and `elevatedRatio` × its expectation.
 * - otherwise **normal**.
 * A colo sees a fraction of its vendor's sites, so its floors are lower; both floors are at or above the publishing
 * floor (privacy-floor.ts), so a state other than `normal` is always one that may be shown.
 *
 * @example
 * assessRadar({ sites5: 30, sites15: 31, baseline15: 2 }, 'vendor') // 'outage'
 */
import type { OutageState } from '../peer/wire.ts';

export type RadarLevel = 'vendor' | 'colo';

export interface RadarWindows {
  sites5: number;
  sites15: number;
  baseline15: number;
}

export interface RadarRule {
  minElevated: number;
  elevatedRatio: number;
  minOutage: number;
  outageRatio: number;
}

export const RADAR_RULES: Readonly<Record<RadarLevel, RadarRule>> = {
  vendor: { minElevated: 5, elevatedRatio: 2, minOutage: 8, outageRatio: 5 },
  colo: { minElevated: 5, elevatedRatio: 2, minOutage: 6, outageRatio: 5 },
};

export function assessRadar(windows: RadarWindows, level: RadarLevel, rule = RADAR_RULES[level]): OutageState {
  const expected15 = Math.max(windows.baseline15, 1);
  const expected5 = Math.max(windows.baseline15 / 3, 1);
  const meets = (min: number, ratio: number) =>
    (windows.sites5 >= min && windows.sites5 >= ratio * expected5) ||
    (windows.sites15 >= min && windows.sites15 >= ratio * expected15);
  if (meets(rule.minOutage, rule.outageRatio)) return 'outage';
  if (meets(rule.minElevated, rule.elevatedRatio)) return 'elevated';
  return 'normal';
}
