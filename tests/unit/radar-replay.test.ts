/**
 * A short cut of the radar replay (tests/sim): the first half hour of 5 Dec 2025 and the hour one big site's origin
 * is down, on the real service with simulated installs. `npm run sim:outage` runs the full scenarios.
 */
import { describe, expect, it } from 'vitest';
import { PGLITE_START_TIMEOUT } from '../support/server-app.ts';
import { replay } from '../sim/replay.ts';
import { SCENARIOS } from '../sim/scenarios.ts';
import { summarise } from '../sim/summary.ts';

const POPULATION = { installs: 1_000_000, adoption: 0.001, seed: 1 };
const MINUTE = 60_000;

describe('radar replay', () => {
  it(
    'names the 5 Dec 2025 outage, at the vendor and for a fresh install, and nothing before it',
    async () => {
      const full = SCENARIOS['2025-12-05']!();
      const onset = full.onset!;
      const scenario = { ...full, warmupDays: 0, from: onset - 10 * MINUTE, until: onset + 8 * MINUTE };
      const summary = summarise(scenario, await replay({ scenario, ...POPULATION }));
      expect(summary.vendor?.outage).not.toBeNull();
      expect(summary.targets.every((target) => target.met)).toBe(true);
      expect(Object.keys(summary.freshCdnVerdict).sort()).toEqual(['EU', 'KR', 'US']);
      expect(summary.falseStates).toMatchObject({ vendorElevated: 0, vendorOutage: 0, coloElevated: 0, coloOutage: 0 });
    },
    PGLITE_START_TIMEOUT,
  );

  it(
    "keeps the CDN normal while one big site's origin is down for everyone",
    async () => {
      const full = SCENARIOS['normal-week']!();
      const site = full.siteOutage!;
      // The first 15 minutes of the site's hour down, after an hour in which ordinary failures fill the radar's hour.
      const siteOutage = { ...site, until: site.from + 15 * MINUTE };
      const scenario = { ...full, siteOutage, warmupDays: 0, from: site.from - 60 * MINUTE, until: siteOutage.until };
      // Ten times the default adoption, so that ordinary failures alone lift Cloudflare above the publishing floor:
      // its state is then the rule's to decide, not hidden by the floor.
      const result = await replay({ scenario, ...POPULATION, adoption: 0.01 });
      const summary = summarise(scenario, result);
      const during = result.minutes.filter((minute) => minute.at > siteOutage.from);
      expect(result.reportsCounted).toBeGreaterThan(100);
      expect(during.some((minute) => (minute.sites60.cloudflare ?? 0) > 0)).toBe(true);
      expect(summary.siteCdnMax).toBe('normal');
      expect(summary.falseStates.minutes).toBe(0);
    },
    PGLITE_START_TIMEOUT,
  );
});
