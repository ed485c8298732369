/**
 * What a replay printed and was judged on: when the radar first named the outage (vendor and each colo), when a
 * fresh install's failed page first got a `cdn` verdict resting on the radar, the states the radar showed with no
 * CDN outage under way, and how far one big site's own outage moved its CDN. Times are minutes after onset.
 */
import type { OutageState } from '../../src/core/peer/wire.ts';
import type { Region } from './population.ts';
import type { RadarMinute } from './observer.ts';
import type { ReplayResult } from './replay.ts';
import type { Scenario } from './scenarios.ts';

const RANK: Readonly<Record<OutageState, number>> = { normal: 0, elevated: 1, outage: 2 };
const MINUTE = 60_000;
/** After a site comes back, its reports stay in the radar's windows for up to an hour. */
const AFTERGLOW_MS = 60 * MINUTE;
/** The targets (docs/server.md, "Radar replay"). */
const OUTAGE_WITHIN_MINUTES = 5;

interface FirstTimes {
  elevated: number | null;
  outage: number | null;
}

/** A run of consecutive minutes in one state counts as one episode. */
interface FalseStates {
  vendorElevated: number;
  vendorOutage: number;
  coloElevated: number;
  coloOutage: number;
  /** Minutes with any vendor or colo above normal. */
  minutes: number;
}

export interface ScenarioSummary {
  name: string;
  reporters: number;
  failedLoads: number;
  reportsCounted: number;
  vendor: FirstTimes | null;
  colos: Array<{ colo: string } & FirstTimes>;
  freshCdnVerdict: Partial<Record<Region, number>>;
  falseStates: FalseStates;
  /** Highest state of the big site's CDN, vendor or any colo, while it was down and for an hour after. */
  siteCdnMax: OutageState | null;
  targets: Array<{ name: string; met: boolean }>;
}

const minutesAfter = (onset: number, at: number) => Math.round((at - onset) / MINUTE);

function firstTimes(
  minutes: readonly RadarMinute[],
  onset: number,
  stateOf: (m: RadarMinute) => OutageState,
): FirstTimes {
  const first = (state: OutageState) => minutes.find((m) => m.at > onset && RANK[stateOf(m)] >= RANK[state]);
  const elevated = first('elevated');
  const outage = first('outage');
  return {
    elevated: elevated ? minutesAfter(onset, elevated.at) : null,
    outage: outage ? minutesAfter(onset, outage.at) : null,
  };
}

function countFalseStates(minutes: readonly RadarMinute[]): FalseStates {
  const counts: FalseStates = { vendorElevated: 0, vendorOutage: 0, coloElevated: 0, coloOutage: 0, minutes: 0 };
  let before = new Map<string, OutageState>();
  for (const minute of minutes) {
    const now = new Map<string, OutageState>([
      ...Object.entries(minute.vendors).map(([vendor, state]) => [vendor, state] as const),
      ...minute.colos.map((cell) => [`${cell.vendor}|${cell.colo}`, cell.state] as const),
    ]);
    if (now.size > 0) counts.minutes++;
    for (const [key, state] of now) {
      if (before.get(key) === state) continue;
      const field = `${key.includes('|') ? 'colo' : 'vendor'}${state === 'outage' ? 'Outage' : 'Elevated'}` as const;
      counts[field]++;
    }
    before = now;
  }
  return counts;
}

function worstCloudflare(minutes: readonly RadarMinute[]): OutageState {
  let worst: OutageState = 'normal';
  for (const minute of minutes) {
    const states = [
      minute.vendors.cloudflare ?? 'normal',
      ...minute.colos.filter((c) => c.vendor === 'cloudflare').map((c) => c.state),
    ];
    for (const state of states) if (RANK[state] > RANK[worst]) worst = state;
  }
  return worst;
}

export function summarise(scenario: Scenario, result: ReplayResult): ScenarioSummary {
  const { minutes } = result;
  const onset = scenario.onset;
  const vendor = scenario.outage?.vendor ?? 'cloudflare';
  const coloNames = [...new Set(minutes.flatMap((m) => m.colos.filter((c) => c.vendor === vendor).map((c) => c.colo)))];
  const colos =
    onset === null
      ? []
      : coloNames
          .map((colo) => ({
            colo,
            ...firstTimes(
              minutes,
              onset,
              (m) => m.colos.find((c) => c.vendor === vendor && c.colo === colo)?.state ?? 'normal',
            ),
          }))
          .sort(
            (a, b) => (a.outage ?? a.elevated ?? 1e9) - (b.outage ?? b.elevated ?? 1e9) || a.colo.localeCompare(b.colo),
          );
  const site = scenario.siteOutage;
  const siteWindow = site ? minutes.filter((m) => m.at > site.from && m.at <= site.until + AFTERGLOW_MS) : [];
  const summary: ScenarioSummary = {
    name: scenario.name,
    reporters: result.reporters,
    failedLoads: result.failedLoads,
    reportsCounted: result.reportsCounted,
    vendor: onset === null ? null : firstTimes(minutes, onset, (m) => m.vendors[vendor] ?? 'normal'),
    colos,
    freshCdnVerdict: Object.fromEntries(
      Object.entries(result.freshCdnVerdictAt).map(([region, at]) => [
        region,
        onset === null ? 0 : minutesAfter(onset, at + 1),
      ]),
    ),
    falseStates: countFalseStates(onset === null ? minutes : minutes.filter((m) => m.at <= onset)),
    siteCdnMax: site ? worstCloudflare(siteWindow) : null,
    targets: [],
  };
  if (onset !== null) {
    const outage = summary.vendor?.outage ?? null;
    summary.targets.push({
      name: `vendor outage within ${OUTAGE_WITHIN_MINUTES} min of onset`,
      met: outage !== null && outage <= OUTAGE_WITHIN_MINUTES,
    });
  }
  const { vendorOutage, coloOutage } = summary.falseStates;
  summary.targets.push({
    name: 'no vendor- or colo-level outage without a CDN outage',
    met: vendorOutage + coloOutage === 0,
  });
  if (site)
    summary.targets.push({ name: "one site's own outage leaves its CDN normal", met: summary.siteCdnMax === 'normal' });
  return summary;
}
