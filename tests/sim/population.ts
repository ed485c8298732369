/**
 * Who browses in the replay: installs of the extension across Korea, the US and Europe, each on its own network and
 * served by its nearest CDN data centre, browsing at a rate that follows the local time of day. Only installs with
 * reports on can change what the service knows, so only they are simulated one by one; the rest are represented by
 * the fresh install that asks the radar (replay.ts).
 *
 * Rates and their basis (docs/server.md, "Radar replay", has the same list):
 * - PAGE_LOADS_PER_DAY: top-level page loads per install per day. An assumption for a desktop browser in daily use;
 *   subresources, background tabs and single-page-app navigations that do not reload are not counted, since the
 *   extension diagnoses main-frame loads only.
 * - DIURNAL: relative browsing activity per local hour, normalised to a mean of 1. Shaped after the daily traffic
 *   curves that internet exchanges publish (AMS-IX, DE-CIX): a trough around 04:00 at roughly a tenth of the evening
 *   peak, a working-day plateau, and the peak between 20:00 and 22:00.
 * - Each install has its own client network (an IPv4 /24), as homes and offices do, so the service's per-network
 *   cap on breadth (src/core/radar/breadth.ts) sees what it would see in reality.
 */
import type { Random } from './prng.ts';

export type Region = 'KR' | 'US' | 'EU';

const PAGE_LOADS_PER_DAY = 120;

const DIURNAL_RAW = [
  0.55, 0.35, 0.22, 0.15, 0.12, 0.13, 0.25, 0.5, 0.8, 1, 1.1, 1.15, 1.15, 1.15, 1.15, 1.15, 1.2, 1.3, 1.45, 1.6, 1.7,
  1.65, 1.35, 0.9,
];
const DIURNAL_MEAN = DIURNAL_RAW.reduce((sum, value) => sum + value, 0) / DIURNAL_RAW.length;
const DIURNAL = DIURNAL_RAW.map((value) => value / DIURNAL_MEAN);

/** Share of installs per region, and the data centres (with their UTC offset and share) that serve each. */
export const REGIONS: Readonly<Record<Region, { share: number; colos: ReadonlyArray<[string, number, number]> }>> = {
  KR: {
    share: 0.3,
    colos: [
      ['ICN', 9, 0.85],
      ['NRT', 9, 0.1],
      ['KIX', 9, 0.05],
    ],
  },
  US: {
    share: 0.4,
    colos: [
      ['IAD', -5, 0.2],
      ['EWR', -5, 0.15],
      ['ATL', -5, 0.1],
      ['ORD', -6, 0.15],
      ['DFW', -6, 0.1],
      ['LAX', -8, 0.15],
      ['SJC', -8, 0.1],
      ['SEA', -8, 0.05],
    ],
  },
  EU: {
    share: 0.3,
    colos: [
      ['FRA', 1, 0.25],
      ['AMS', 1, 0.15],
      ['LHR', 0, 0.2],
      ['CDG', 1, 0.15],
      ['WAW', 1, 0.1],
      ['MAD', 1, 0.1],
      ['ARN', 1, 0.05],
    ],
  },
};

export interface Install {
  index: number;
  region: Region;
  colo: string;
  utcOffsetHours: number;
  /** One address in the install's own /24. */
  ip: string;
}

/** Page loads per minute of one install at this moment, by its local hour. */
export function pageRate(install: Install, atMs: number): number {
  const hour = Math.floor(atMs / 3_600_000 + install.utcOffsetHours + 48) % 24;
  return (PAGE_LOADS_PER_DAY / 1440) * DIURNAL[hour]!;
}

/** The installs that send reports: `installs × adoption` of them, spread over the regions and their colos. */
export function createReporters(installs: number, adoption: number, random: Random): Install[] {
  const count = Math.round(installs * adoption);
  const regions = Object.entries(REGIONS) as Array<[Region, (typeof REGIONS)[Region]]>;
  return Array.from({ length: count }, (_, index) => {
    const region = random.weighted(regions.map(([name, { share }]) => [name, share] as const));
    const [colo, utcOffsetHours] = random.weighted(REGIONS[region].colos.map((entry) => [entry, entry[2]] as const));
    // One /24 per install (the first three octets count from the index); the host octet is arbitrary.
    const ip = `${10 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}.${1 + random.below(254)}`;
    return { index, region, colo, utcOffsetHours, ip };
  });
}
