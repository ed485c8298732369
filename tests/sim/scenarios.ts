/**
 * The three replays: two documented Cloudflare outages laid over an ordinary day, and an ordinary week with one big
 * site's origin down for an hour. Times are UTC.
 *
 * 18 Nov 2025 (Cloudflare's post-mortem, blog.cloudflare.com/18-november-2025-outage): an oversized Bot Management
 * feature file made the FL2 proxy fail with 5xx from 11:20. The file was rebuilt every five minutes, good or bad
 * depending on which database node built it, so the failure came and went in five-minute steps until every node
 * built the bad one. The status page first posted at 11:48. From 13:05 Workers KV and Access bypassed the proxy,
 * which cut the impact; core traffic flowed again from 14:30, and every service was back at 17:06. Failed bot checks
 * ("Please unblock challenges.cloudflare.com") were seen everywhere.
 * 5 Dec 2025 (Cloudflare's post-mortem): a global configuration change made the FL1 proxy with the Managed Ruleset
 * answer 500 from 08:47 to 09:12, about 28 % of Cloudflare's HTTP traffic. No status-page post inside those 25
 * minutes was found in the sources, so none is modelled.
 */
interface CdnOutage {
  vendor: 'cloudflare';
  /** Share of the vendor's sites whose traffic takes the failing path. */
  affectedShare: number;
  /** Chance that a page load on an affected site fails at this moment. */
  failingAt: (atMs: number) => number;
}

interface SiteOutage {
  /** Cloudflare's most visited site everywhere (rank 1 of the global catalogue). */
  rank: number;
  from: number;
  until: number;
}

export interface Scenario {
  name: string;
  /**
   * Days replayed before `from`, background only and unmeasured, to fill the baselines the radar compares with (the
   * same 15 minutes of day on each of the last 7 days). Only the replay's own hours of those days are replayed, from
   * an hour earlier, since no other hour reaches a baseline.
   */
  warmupDays: number;
  from: number;
  until: number;
  onset: number | null;
  /** When the vendor's status page first admits the incident; null when it does not within the replay. */
  statusPostAt: number | null;
  outage: CdnOutage | null;
  siteOutage: SiteOutage | null;
}

const at = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`);
export const DAY_MS = 86_400_000;
const WARMUP_DAYS = 7;

function november18(): Scenario {
  const day = '2025-11-18';
  const onset = at(day, '11:20');
  const steady = at(day, '12:00');
  const bypass = at(day, '13:05');
  const core = at(day, '14:30');
  const end = at(day, '17:06');
  return {
    name: '2025-11-18',
    warmupDays: WARMUP_DAYS,
    from: at(day, '10:00'),
    until: at(day, '18:00'),
    onset,
    statusPostAt: at(day, '11:48'),
    // Only FL2 answered 5xx (FL1 customers got wrong bot scores instead); 80 % of sites on FL2 is an assumption.
    outage: {
      vendor: 'cloudflare',
      affectedShare: 0.8,
      failingAt(time) {
        if (time < onset || time >= end) return 0;
        if (time < steady) return Math.floor((time - onset) / 300_000) % 2 === 0 ? 0.95 : 0.2;
        if (time < bypass) return 0.95;
        if (time < core) return 0.5;
        return 0.05;
      },
    },
    siteOutage: null,
  };
}

function december5(): Scenario {
  const day = '2025-12-05';
  const onset = at(day, '08:47');
  const end = at(day, '09:12');
  return {
    name: '2025-12-05',
    warmupDays: WARMUP_DAYS,
    from: at(day, '07:30'),
    until: at(day, '10:30'),
    onset,
    statusPostAt: null,
    outage: { vendor: 'cloudflare', affectedShare: 0.28, failingAt: (time) => (time >= onset && time < end ? 1 : 0) },
    siteOutage: null,
  };
}

/**
 * Monday 24 Nov to Monday 1 Dec 2025; the big site is down on Wednesday 12:00–13:00, Korea's evening peak. The week
 * starts on an empty store: its first days compare with fewer days of history, so lower baselines than in reality,
 * which can only add false states.
 */
function normalWeek(): Scenario {
  const from = at('2025-11-24', '00:00');
  return {
    name: 'normal-week',
    warmupDays: 0,
    from,
    until: from + 7 * DAY_MS,
    onset: null,
    statusPostAt: null,
    outage: null,
    siteOutage: { rank: 1, from: at('2025-11-26', '12:00'), until: at('2025-11-26', '13:00') },
  };
}

export const SCENARIOS: Readonly<Record<string, () => Scenario>> = {
  '2025-11-18': november18,
  '2025-12-05': december5,
  'normal-week': normalWeek,
};
