/**
 * How broad a CDN's failure is: distinct failing sites, each counted once, weighted by what its page said, with no
 * one reporting network able to add more than a few sites. Pure.
 *
 * Why a per-network cap: host hashes and client ids cost an attacker nothing, so one network could report thousands
 * of made-up failing sites. Each network may vouch for at most NETWORK_SITE_CAP sites; a site reported from several
 * networks needs only one of them to have room. Sites vouched for by the fewest networks are placed first, so a
 * network's room goes to the sites that depend on it (a greedy matching: exact for the cases here, and never more
 * generous than the cap). The network keys are the service's salted /24 and /56 keys (server/network-key.ts).
 */
import type { ReportKind, ReportVendor } from '../peer/wire.ts';
import type { RadarLevel } from './radar-rule.ts';

/** What the store keeps per report for the radar: never the site's name, only its hash, and a salted network key. */
export interface Sighting {
  /** Epoch minute. */
  minute: number;
  vendor: ReportVendor;
  /** '' when the page showed no data centre. */
  colo: string;
  kind: ReportKind;
  hostHash: string;
  network: string;
  /** Reports behind this row (one per client per host per 10 minutes). */
  reports: number;
}

export const NETWORK_SITE_CAP = 3;

/**
 * How much a site's failure says about its CDN. Edge errors and failed challenges are the CDN's own pages. An origin
 * error is the site's server, so it counts half towards the vendor; at one colo a wave of them points at the CDN's
 * path to origins, so there it counts in full. Blocks, challenges, a site's own misconfiguration and network errors
 * are about one visitor or one site, and count nothing.
 */
function siteWeight(kind: ReportKind, level: RadarLevel): number {
  if (kind === 'edge-error' || kind === 'challenge-failed') return 1;
  if (kind === 'origin-error') return level === 'colo' ? 1 : 0.5;
  return 0;
}

export interface Breadth {
  /** Weighted, network-capped failing sites: what the rule reads. */
  sites: number;
  /** Distinct host hashes with a counted kind, uncapped: what the privacy floor reads. */
  rawSites: number;
  /** Distinct reporting networks behind them. */
  networks: number;
  reports: number;
  /** Distinct sites per kind (uncapped), for the evidence and the page. */
  byKind: Partial<Record<ReportKind, number>>;
}

export function measureBreadth(sightings: readonly Sighting[], level: RadarLevel): Breadth {
  const sites = new Map<string, { weight: number; networks: Set<string> }>();
  const kindsSeen = new Map<ReportKind, Set<string>>();
  const networks = new Set<string>();
  let reports = 0;
  for (const sighting of sightings) {
    const weight = siteWeight(sighting.kind, level);
    if (weight === 0) continue;
    reports += sighting.reports;
    networks.add(sighting.network);
    const site = sites.get(sighting.hostHash) ?? { weight: 0, networks: new Set<string>() };
    site.weight = Math.max(site.weight, weight);
    site.networks.add(sighting.network);
    sites.set(sighting.hostHash, site);
    const ofKind = kindsSeen.get(sighting.kind) ?? new Set<string>();
    ofKind.add(sighting.hostHash);
    kindsSeen.set(sighting.kind, ofKind);
  }
  const byKind = Object.fromEntries([...kindsSeen].map(([kind, hosts]) => [kind, hosts.size]));
  return { sites: cappedSites([...sites.values()]), rawSites: sites.size, networks: networks.size, reports, byKind };
}

function cappedSites(sites: ReadonlyArray<{ weight: number; networks: ReadonlySet<string> }>): number {
  const used = new Map<string, number>();
  let total = 0;
  for (const site of [...sites].sort((a, b) => a.networks.size - b.networks.size)) {
    let roomiest: string | null = null;
    for (const network of site.networks) {
      const count = used.get(network) ?? 0;
      if (count < NETWORK_SITE_CAP && (roomiest === null || count < (used.get(roomiest) ?? 0))) roomiest = network;
    }
    if (roomiest === null) continue;
    used.set(roomiest, (used.get(roomiest) ?? 0) + 1);
    total += site.weight;
  }
  return Math.round(total * 10) / 10;
}
