// The feature suite: notifications, the watch, the history page, the options page and peer reports, in one browser
// against the same fakes as the scenario table plus the real peer-report service. One browser launch for all of it;
// each test uses its own sites (sites.mjs), so the notification dedupe and the log cannot leak between them.
/** @import { Driver, Launch } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { artifactPath, isCi, unavailableReason } from '../harness/browsers.mjs';
import { firefoxDownloadPrefs } from '../harness/downloads.mjs';
import { warmUp } from '../harness/driver.mjs';
import { bfcacheTests } from './bfcache.mjs';
import { forgedCdnTests } from './forged-cdn.mjs';
import { historyTests } from './history.mjs';
import { notificationTests } from './notify.mjs';
import { notificationClickTests } from './notify-clicks.mjs';
import { optionsTests } from './options.mjs';
import { peerTests } from './peers.mjs';
import { popupTests } from './popup.mjs';
import { radarTests } from './radar.mjs';
import { featureHosts, featureRoutes } from './sites.mjs';
import { forgetNotifications } from './helpers.mjs';
import { watchTests } from './watch.mjs';
import { findClosedPort, mappedHosts, startFakeServers } from '../fakes/servers.mjs';
import { notificationSpy } from '../harness/notify-spy.mjs';
import { PEER_HOST, startPeerService } from '../fakes/peer-service.mjs';
import { compareWithPrivacyTable } from '../harness/privacy-table.mjs';
import { WARMUP_URL } from '../scenarios/table.mjs';

/**
 * What every feature test gets: the browser, the notification spy, the fakes, the peer service, the port nothing
 * listens on and Firefox's download folder.
 * @typedef {{ driver: Driver, spy: ReturnType<typeof notificationSpy>,
 *   server: Awaited<ReturnType<typeof startFakeServers>>, peers: Awaited<ReturnType<typeof startPeerService>>,
 *   closedPort: number, downloads: string }} FeatureContext
 */

/** @param {Driver['name']} name @param {Launch} launch */
export function featureSuite(name, launch) {
  const missing = unavailableReason(name);
  if (missing && !isCi()) {
    console.log(`# SKIPPED ${name} features: ${missing}`);
    describe(`${name} features`, { skip: missing }, () => {});
    return;
  }
  describe(`${name} features`, { timeout: 240_000 }, () => {
    /** Filled in by before(); the tests read it when they run. */
    const ctx = /** @type {FeatureContext} */ ({});
    before(
      async () => {
        if (missing) throw new Error(`CI=true and ${missing}`);
        const t0 = Date.now();
        // Trusting X-Forwarded-For lets the radar tests post as a crowd on many networks.
        ctx.peers = await startPeerService({ trustProxy: true });
        const hosts = [...new Set([...mappedHosts(), ...featureHosts()])];
        ctx.server = await startFakeServers(hosts, { routes: featureRoutes(), forward: ctx.peers.forward });
        ctx.closedPort = await findClosedPort();
        ctx.downloads = fs.mkdtempSync(path.join(os.tmpdir(), `culprit-${name}-downloads-`));
        ctx.driver = await launch({
          port: ctx.server.port,
          closedPort: ctx.closedPort,
          hosts,
          // Firefox: the options page's consent request is granted without a prompt (it still needs the click), and
          // downloads land in a known folder.
          prefs: { 'extensions.webextOptionalPermissionPrompts': false, ...firefoxDownloadPrefs(ctx.downloads) },
        });
        await warmUp(ctx.driver, WARMUP_URL);
        ctx.spy = notificationSpy(ctx.driver);
        console.log(`# ${name} features: service, fakes and browser up in ${Date.now() - t0} ms`);
      },
      { timeout: 90_000 },
    );
    // Each test uses its own sites, and starts under the overall notification cap with none of it used.
    beforeEach(async () => {
      if (ctx.driver) await forgetNotifications(ctx.driver);
    });
    after(async () => {
      if (ctx.server) {
        const requests = Object.fromEntries([...ctx.server.fetched].sort());
        fs.writeFileSync(artifactPath(`${name}-features-requests.json`), JSON.stringify(requests, null, 2));
      }
      await ctx.driver?.close();
      await ctx.server?.close();
      await ctx.peers?.stop();
      if (ctx.downloads) fs.rmSync(ctx.downloads, { recursive: true, force: true });
    });

    notificationTests(ctx);
    forgedCdnTests(ctx);
    notificationClickTests(ctx, name);
    watchTests(ctx);
    historyTests(ctx);
    popupTests(ctx);
    bfcacheTests(ctx);
    peerTests(ctx);
    optionsTests(ctx);
    // After every other test that reads a verdict: the crowd's reports leave Cloudflare in `outage` for the hour.
    radarTests(ctx);

    // Last, so it sees what the whole suite made the extension ask.
    it('every request the extension made matches a row of PRIVACY.md, and its feature rows all occurred', () => {
      const world = { pages: ctx.server.navigated.keys(), reportServers: [PEER_HOST] };
      const { unlisted, unrecorded } = compareWithPrivacyTable(ctx.server.fetched.keys(), 'features', world);
      assert.deepEqual({ unlisted, unrecorded }, { unlisted: [], unrecorded: [] });
    });
  });
}
