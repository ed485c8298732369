/**
 * Builds what the radar publishes from the last hour's sightings and the time-of-day baseline. Pure: the service
 * calls it on each snapshot refresh and serves the result from memory.
 */
import { BASELINE_DAYS, medianOfDays } from '../peer/outage-rule.ts';
import { measureBreadth, type Sighting } from './breadth.ts';
import { isPublishable } from './privacy-floor.ts';
import { assessRadar, type RadarLevel } from './radar-rule.ts';
import {
  type ColoRadar,
  type RadarVendor,
  RADAR_VENDORS,
  SERIES_POINTS,
  SERIES_STEP_MINUTES,
  type VendorDetail,
  type VendorRadar,
  type WindowCounts,
} from './radar-wire.ts';

/** Distinct failing sites for a vendor (colo `null`) or a cell, in the same 15 minutes of day `day` days ago. */
export interface BaselineRow {
  vendor: string;
  colo: string | null;
  day: number;
  sites: number;
}

export interface RadarData {
  minute: number;
  vendors: VendorRadar[];
  details: Map<RadarVendor, VendorDetail>;
}

const MAX_HOT_COLOS = 5;
const WINDOWS = { m5: 5, m15: 15, m60: 60 } as const;
const ZERO: WindowCounts = { m5: 0, m15: 0, m60: 0 };

const cellKey = (vendor: string, colo: string | null) => `${vendor}|${colo ?? '*'}`;

function baselinesOf(rows: readonly BaselineRow[]): Map<string, number> {
  const samples = new Map<string, number[]>();
  for (const row of rows) {
    if (row.day < 1 || row.day > BASELINE_DAYS) continue;
    const key = cellKey(row.vendor, row.colo);
    const days = samples.get(key) ?? [];
    days[row.day - 1] = row.sites;
    samples.set(key, days);
  }
  return new Map([...samples].map(([key, days]) => [key, medianOfDays(days, BASELINE_DAYS)]));
}

/** Figures and state of one group of sightings (a vendor's, or one colo's), or null below the publishing floor. */
function assess(sightings: readonly Sighting[], now: number, level: RadarLevel, baseline15: number) {
  const within = (minutes: number) => sightings.filter((s) => now - s.minute < minutes);
  const windows = Object.fromEntries(
    Object.entries(WINDOWS).map(([name, minutes]) => [name, measureBreadth(within(minutes), level)]),
  ) as Record<keyof WindowCounts, ReturnType<typeof measureBreadth>>;
  if (!isPublishable(windows.m60)) return null;
  const pick = (field: 'sites' | 'reports'): WindowCounts => ({
    m5: windows.m5[field],
    m15: windows.m15[field],
    m60: windows.m60[field],
  });
  const state = assessRadar({ sites5: windows.m5.sites, sites15: windows.m15.sites, baseline15 }, level);
  return { state, sites: pick('sites'), reports: pick('reports'), baseline15, byKind: windows.m15.byKind };
}

function seriesOf(sightings: readonly Sighting[], now: number, published: boolean): VendorDetail['series'] {
  return Array.from({ length: SERIES_POINTS }, (_, index) => {
    const age = (SERIES_POINTS - 1 - index) * SERIES_STEP_MINUTES;
    const inStep = sightings.filter((s) => now - s.minute >= age && now - s.minute < age + SERIES_STEP_MINUTES);
    const step = measureBreadth(inStep, 'vendor');
    return { minute: now - age, sites: published ? step.sites : 0, reports: published ? step.reports : 0 };
  });
}

/**
 * @example
 * const { vendors, details } = buildRadar(sightings, baselineRows, nowMinute);
 */
export function buildRadar(
  sightings: readonly Sighting[],
  baselineRows: readonly BaselineRow[],
  now: number,
): RadarData {
  const baselines = baselinesOf(baselineRows);
  const recent = sightings.filter((s) => now - s.minute >= 0 && now - s.minute < WINDOWS.m60);
  const vendors: VendorRadar[] = [];
  const details = new Map<RadarVendor, VendorDetail>();
  for (const vendor of RADAR_VENDORS) {
    const mine = recent.filter((s) => s.vendor === vendor);
    const figures = assess(mine, now, 'vendor', baselines.get(cellKey(vendor, null)) ?? 0);
    const cells: ColoRadar[] = [];
    for (const colo of new Set(mine.map((s) => s.colo))) {
      if (colo === '') continue;
      const cell = assess(
        mine.filter((s) => s.colo === colo),
        now,
        'colo',
        baselines.get(cellKey(vendor, colo)) ?? 0,
      );
      if (cell) cells.push({ colo, ...cell });
    }
    cells.sort((a, b) => b.sites.m15 - a.sites.m15 || a.colo.localeCompare(b.colo));
    const colos = cells
      .filter((cell) => cell.state !== 'normal')
      .slice(0, MAX_HOT_COLOS)
      .map((cell) => cell.colo);
    const summary: VendorRadar = figures
      ? { vendor, ...figures, colos }
      : { vendor, state: 'normal', sites: ZERO, reports: ZERO, baseline15: 0, byKind: {}, colos: [] };
    vendors.push(summary);
    details.set(vendor, { minute: now, vendor: summary, cells, series: seriesOf(mine, now, figures !== null) });
  }
  return { minute: now, vendors, details };
}
