/**
 * One replay: minute by minute, the reporting installs load pages, the failed ones go through the simulated
 * extension (which may report them to the service), and at the end of each measured minute an observer reads the
 * radar as anyone could (`GET /v1/cdn`, `GET /v1/cdn/{vendor}`) and a fresh install, with no history, fails on an
 * affected page and asks the radar. The service's hourly retention job runs on the replay clock.
 */
import { DEFAULT_CONFIG } from '../../server/config.ts';
import { MIN_PUBLISHED_SITES } from '../../src/core/radar/privacy-floor.ts';
import { createExtension, newClientState } from './extension.ts';
import { createObserver, quietMinute, type RadarMinute } from './observer.ts';
import { createReporters, type Install, pageRate, REGIONS, type Region } from './population.ts';
import { createRandom } from './prng.ts';
import { DAY_MS, type Scenario } from './scenarios.ts';
import { SERVICE_ENDPOINT, startService } from './service.ts';
import { createCatalog } from './sites.ts';
import { statusAt } from './vendor-status.ts';
import { createWorld } from './world.ts';

export interface ReplayOptions {
  scenario: Scenario;
  installs: number;
  adoption: number;
  seed: number;
}

export interface ReplayResult {
  reporters: number;
  failedLoads: number;
  reportsCounted: number;
  minutes: RadarMinute[];
  /** Per region, when a fresh install's failed page first got a `cdn` verdict resting on the radar. */
  freshCdnVerdictAt: Partial<Record<Region, number>>;
}

const MINUTE = 60_000;
/** The radar's longest window (radar-view.ts). */
const RADAR_HOUR = 60 * MINUTE;

/** A fresh install in each region, at its region's busiest data centre. */
function freshInstalls(): Install[] {
  return (Object.keys(REGIONS) as Region[]).map((region, index) => ({
    index: -1 - index,
    region,
    colo: REGIONS[region].colos[0]![0],
    utcOffsetHours: REGIONS[region].colos[0]![1],
    ip: `198.51.100.${index + 1}`,
  }));
}

const minutesOf = (from: number, until: number) =>
  Array.from({ length: Math.ceil((until - from) / MINUTE) }, (_, index) => from + index * MINUTE);

/** The replayed spans, oldest first: the warm-up days' matching hours (from an hour earlier), then the scenario. */
function spansOf(scenario: Scenario): Array<{ from: number; until: number }> {
  const warmup = Array.from({ length: scenario.warmupDays }, (_, index) => {
    const back = (scenario.warmupDays - index) * DAY_MS;
    return { from: scenario.from - back - RADAR_HOUR, until: Math.min(scenario.until - back, scenario.from) };
  });
  return [...warmup, { from: scenario.from, until: scenario.until }];
}

/** @example const result = await replay({ scenario: SCENARIOS['2025-12-05']!(), installs: 1e5, adoption: 1e-3, seed: 1 }); */
export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const { scenario } = options;
  const random = createRandom(options.seed);
  const clock = { now: scenario.from };
  const service = await startService(clock);
  const catalog = createCatalog();
  const world = createWorld(scenario, catalog, random);
  const extension = createExtension({ fetchFrom: service.fetchFrom, endpoint: SERVICE_ENDPOINT, random });
  const clients = createReporters(options.installs, options.adoption, random).map(newClientState);
  const result: ReplayResult = {
    reporters: clients.length,
    failedLoads: 0,
    reportsCounted: 0,
    minutes: [],
    freshCdnVerdictAt: {},
  };
  const fresh = freshInstalls();
  const readRadar = createObserver(service.fetchFrom, SERVICE_ENDPOINT);
  /** When each report of the last hour was counted, oldest first. */
  const countedAt: number[] = [];

  async function askAsFreshInstall(at: number): Promise<void> {
    if (!scenario.outage || scenario.onset === null || at < scenario.onset) return;
    for (const install of fresh) {
      if (result.freshCdnVerdictAt[install.region] !== undefined) continue;
      const site = catalog.site('cloudflare', 'global', 1);
      const outcome = { kind: 'edge-error', code: 500, refetch: 'cdn-error' } as const;
      const { verdict } = await extension.diagnose(
        newClientState(install),
        site,
        outcome,
        at,
        statusAt(scenario, site.vendor, at),
      );
      const restsOnRadar = verdict.evidence.some((item) => item.observed.key === 'ev_radarOutage');
      if (verdict.culprit === 'cdn' && restsOnRadar) result.freshCdnVerdictAt[install.region] = at;
    }
  }

  try {
    for (const start of spansOf(scenario).flatMap(({ from, until }) => minutesOf(from, until))) {
      if (start % RADAR_HOUR === 0) {
        await service.store.deleteExpired(start / MINUTE, DEFAULT_CONFIG.RETENTION_DAYS * 1440);
      }
      world.startIncidents(start);
      const loads = [];
      for (const client of clients) {
        for (let count = random.poisson(pageRate(client.install, start)); count > 0; count--) {
          const site = catalog.draw(client.install.region, random);
          const at = start + random.below(MINUTE);
          const outcome = site && world.outcome(site, at);
          if (site && outcome) loads.push({ client, site, outcome, at });
        }
      }
      loads.sort((a, b) => a.at - b.at);
      for (const { client, site, outcome, at } of loads) {
        clock.now = at;
        result.failedLoads++;
        if (await extension.visitFailedPage(client, site, outcome, at, statusAt(scenario, site.vendor, at))) {
          result.reportsCounted++;
          countedAt.push(at);
        }
      }
      if (start < scenario.from) continue;
      clock.now = start + MINUTE - 1;
      // Fewer counted reports in the hour than the publishing floor's sites means every vendor and cell reads
      // `normal` (privacy-floor.ts), so the observer's read is skipped: a week is ~10,000 reads, mostly of nothing.
      while (countedAt.length > 0 && countedAt[0]! < start + MINUTE - RADAR_HOUR) countedAt.shift();
      const reading =
        countedAt.length >= MIN_PUBLISHED_SITES ? await readRadar(start + MINUTE) : quietMinute(start + MINUTE);
      result.minutes.push(reading);
      await askAsFreshInstall(clock.now);
    }
  } finally {
    await service.close();
  }
  return result;
}
