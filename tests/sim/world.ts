/**
 * What a page load shows: the scenario's CDN outage or big-site outage if it applies, else the ordinary failures of
 * the web, else nothing. Each failure also says what the extension's own re-fetch of the page would see, since that
 * is what lets a report go out (src/core/peer/report-policy.ts needs a failure confirmed beyond the page).
 *
 * Ordinary failures, and why these rates (assumptions, stated in docs/server.md):
 * - Site incidents: every site is down 0.1 % of the time (99.9 % uptime, the common monitoring and SLA figure for a
 *   site behind a CDN), in incidents averaging 30 minutes, which start at random over the whole catalogue. Most are
 *   the origin (Cloudflare's 52x pages), some a site misconfiguration (1xxx), a few the CDN's own error page at one
 *   site. A re-fetch during an incident fails the same way, so these are reported.
 * - Blips: 0.3 % of loads fail once (a 502 or an origin timeout); the re-fetch a moment later mostly passes.
 * - Bot checks: 1.5 % of loads behind Cloudflare show a challenge, and 0.05 % a challenge that cannot load (an
 *   ad blocker holding back challenges.cloudflare.com). Neither is ever reported on its own.
 */
import type { PageFacts, ProbeFacts } from '../../src/core/diagnose/types.ts';
import type { Random } from './prng.ts';
import type { Scenario } from './scenarios.ts';
import type { Catalog, Site } from './sites.ts';

export interface PageOutcome {
  kind: Exclude<PageFacts['kind'], 'none' | 'network-error'>;
  code: number | null;
  refetch: ProbeFacts['origin'];
}

const UNAVAILABILITY = 0.001;
const MEAN_INCIDENT_MINUTES = 30;
const BLIP_RATE = 0.003;
const BLIP_PERSISTS = 0.2;
const CHALLENGE_RATE = 0.015;
const CHALLENGE_FAILED_RATE = 0.0005;
/** During a CDN outage, the share of failing loads that were a bot check that could not load. */
const OUTAGE_CHALLENGE_SHARE = 0.1;

/** A stable number in [0, 1) per host (FNV-1a), so a site is on the failing path for the whole outage or not at all. */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0) / 4294967296;
}

function incidentKind(site: Site, random: Random): Omit<PageOutcome, 'refetch'> {
  const roll = random.next();
  if (roll < 0.05) return { kind: 'edge-error', code: 502 };
  if (roll < 0.15 && site.vendor === 'cloudflare') return { kind: 'site-config', code: 1016 };
  return { kind: 'origin-error', code: [521, 522, 524, 502][random.below(4)]! };
}

/** @example const world = createWorld(scenario, catalog, random); world.startIncidents(); world.outcome(site, at) */
export function createWorld(scenario: Scenario, catalog: Catalog, random: Random) {
  const incidents = new Map<string, { until: number } & Omit<PageOutcome, 'refetch'>>();
  const scopes = catalog.scopes();
  const perSiteMinute = UNAVAILABILITY / MEAN_INCIDENT_MINUTES;

  /** Starts this minute's new site incidents; call once per simulated minute. */
  function startIncidents(minuteStart: number): void {
    for (const [host, incident] of incidents) if (incident.until <= minuteStart) incidents.delete(host);
    for (const { vendor, scope, size } of scopes) {
      for (let count = random.poisson(size * perSiteMinute); count > 0; count--) {
        const site = catalog.site(vendor, scope, 1 + random.below(size));
        const minutes = Math.max(1, Math.round(-Math.log(1 - random.next()) * MEAN_INCIDENT_MINUTES));
        incidents.set(site.host, { until: minuteStart + minutes * 60_000, ...incidentKind(site, random) });
      }
    }
  }

  function outcome(site: Site, atMs: number): PageOutcome | null {
    const outage = scenario.outage;
    if (outage && site.vendor === outage.vendor && unitHash(site.host) < outage.affectedShare) {
      const failing = outage.failingAt(atMs);
      if (failing > 0 && random.next() < failing) {
        const refetch = random.next() < failing ? 'cdn-error' : 'ok';
        if (random.next() < OUTAGE_CHALLENGE_SHARE) return { kind: 'challenge-failed', code: null, refetch };
        return { kind: 'edge-error', code: 500, refetch };
      }
    }
    const big = scenario.siteOutage;
    if (big && site.vendor === 'cloudflare' && site.scope === 'global' && site.rank === big.rank) {
      if (atMs >= big.from && atMs < big.until) return { kind: 'origin-error', code: 522, refetch: 'origin-error' };
    }
    const incident = incidents.get(site.host);
    if (incident && incident.until > atMs) {
      const { kind, code } = incident;
      return { kind, code, refetch: kind === 'edge-error' ? 'cdn-error' : 'origin-error' };
    }
    if (random.next() < BLIP_RATE) {
      const persists = random.next() < BLIP_PERSISTS;
      return { kind: 'origin-error', code: random.next() < 0.5 ? 502 : 524, refetch: persists ? 'origin-error' : 'ok' };
    }
    if (site.vendor === 'cloudflare') {
      const roll = random.next();
      if (roll < CHALLENGE_FAILED_RATE) return { kind: 'challenge-failed', code: null, refetch: 'ok' };
      if (roll < CHALLENGE_RATE) return { kind: 'challenge', code: 403, refetch: 'ok' };
    }
    return null;
  }

  return { startIncidents, outcome };
}
