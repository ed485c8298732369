// The settled-verdict suite: what a person sees while a failing page's reading settles (settled-verdict.mjs), in one
// browser against the fakes. A suite of its own, with its own launch, because its observations take time (ten seconds
// of one badge, twenty runs of one page) that the feature suite's budget does not have.
/** @import { Driver, Launch } from '../harness/types.d.ts' */
import { after, before, beforeEach, describe } from 'node:test';
import { findClosedPort, mappedHosts, startFakeServers } from '../fakes/servers.mjs';
import { isCi, unavailableReason } from '../harness/browsers.mjs';
import { warmUp } from '../harness/driver.mjs';
import { notificationSpy } from '../harness/notify-spy.mjs';
import { WARMUP_URL } from '../scenarios/table.mjs';
import { forgetNotifications } from './helpers.mjs';
import { plainServerErrorTests } from './settled-plain-5xx.mjs';
import { settledHosts, settledRoutes } from './settled-sites.mjs';
import { settledVerdictTests } from './settled-verdict.mjs';

/**
 * What every test here gets: the browser, the notification spy, the fakes, and the port nothing listens on.
 * @typedef {{ driver: Driver, spy: ReturnType<typeof notificationSpy>,
 *   server: Awaited<ReturnType<typeof startFakeServers>>, closedPort: number }} SettledContext
 */

/** @param {Driver['name']} name @param {Launch} launch */
export function settledSuite(name, launch) {
  const missing = unavailableReason(name);
  if (missing && !isCi()) {
    console.log(`# SKIPPED ${name} settled verdicts: ${missing}`);
    describe(`${name} settled verdicts`, { skip: missing }, () => {});
    return;
  }
  describe(`${name} settled verdicts`, { timeout: 240_000 }, () => {
    /** Filled in by before(); the tests read it when they run. */
    const ctx = /** @type {SettledContext} */ ({});
    before(
      async () => {
        if (missing) throw new Error(`CI=true and ${missing}`);
        const hosts = [...new Set([...mappedHosts(), ...settledHosts()])];
        ctx.server = await startFakeServers(hosts, { routes: settledRoutes() });
        ctx.closedPort = await findClosedPort();
        ctx.driver = await launch({ port: ctx.server.port, closedPort: ctx.closedPort, hosts });
        await warmUp(ctx.driver, WARMUP_URL);
        ctx.spy = notificationSpy(ctx.driver);
      },
      { timeout: 90_000 },
    );
    // Each test starts under the overall notification cap (3 in 10 minutes) with none of it used by the one before.
    beforeEach(async () => {
      if (ctx.driver) await forgetNotifications(ctx.driver);
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.server?.close();
    });

    settledVerdictTests(ctx);
    plainServerErrorTests(ctx);
  });
}
