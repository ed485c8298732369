// The shared e2e suite: one browser, the whole scenario table, plus the harness's own plumbing checks.
/** @import { Driver, Launch } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { artifactPath, BLOCKER_EXTENSION, isCi, unavailableReason } from '../harness/browsers.mjs';
import { warmUp } from '../harness/driver.mjs';
import { expectedPopup, pickKeys, popupView } from './expectations.mjs';
import { findClosedPort, mappedHosts, startFakeServers } from '../fakes/servers.mjs';
import { statusSummary } from '../fakes/status-page.mjs';
import { LANGUAGES, SHOTS, shootPopups } from './popup-shots.mjs';
import { findMissingGlyphs } from '../harness/rendered-text.mjs';
import { compareWithPrivacyTable } from '../harness/privacy-table.mjs';
import { checkTab, checkVerdict, failureLog, isDeepEqual, isolate, VERDICT_TIMEOUT } from './checks.mjs';
import { NORMAL_URL, SCENARIOS, STATUS_HOST, WARMUP_URL } from './table.mjs';
import { pollUntil, waitFor } from '../harness/wait.mjs';

/** @param {Driver['name']} name @param {Launch} launch */
export function browserSuite(name, launch) {
  const missing = unavailableReason(name);
  if (missing && !isCi()) {
    console.log(`# SKIPPED ${name} e2e: ${missing}`);
    describe(`${name} e2e`, { skip: missing }, () => {});
    return;
  }
  describe(`${name} e2e`, { timeout: 240_000 }, () => {
    /** @type {Awaited<ReturnType<typeof startFakeServers>>} */
    let server;
    /** @type {Driver} */
    let driver;
    /** @type {number} */
    let closedPort;
    /** What each scenario saw, written to <browser>-results.json. @type {object[]} */
    const log = [];
    /** Screenshots written by the scenarios that show a culprit (popup-shots.mjs). @type {string[]} */
    const shots = [];
    let shotMs = 0;
    before(
      async () => {
        if (missing) throw new Error(`CI=true and ${missing}`);
        const hosts = mappedHosts();
        server = await startFakeServers(hosts);
        closedPort = await findClosedPort();
        const t0 = Date.now();
        driver = await launch({ port: server.port, closedPort, hosts, extensions: [BLOCKER_EXTENSION] });
        const loads = await warmUp(driver, WARMUP_URL);
        console.log(`# ${name}: launched and warmed up in ${Date.now() - t0} ms (${loads} warm-up load(s))`);
      },
      { timeout: 90_000 },
    );
    after(async () => {
      fs.writeFileSync(artifactPath(`${name}-results.json`), JSON.stringify(log, null, 2));
      if (server) {
        const requests = Object.fromEntries([...server.fetched].sort());
        fs.writeFileSync(artifactPath(`${name}-requests.json`), JSON.stringify(requests, null, 2));
      }
      await driver?.close();
      await server?.close();
    });

    for (const scenario of SCENARIOS) {
      it(scenario.name, { timeout: 60_000 }, async () => {
        const url = scenario.url.replace('{{closedPort}}', String(closedPort));
        /** @type {{ page: import('../harness/types.d.ts').AnyPage }[]} */
        const opened = [];
        const shot = scenario.url.replace(/^\w+:\/\/|[:{}].*$/g, '');
        await isolate(driver, server, scenario.world);
        try {
          for (const pre of scenario.preload ?? []) {
            const p = await driver.open(pre.url);
            opened.push(p);
            await waitFor(
              `${name}: preload ${pre.url} classified`,
              () => driver.state(p.tabId),
              (st) => st?.kind === pre.kind,
              { timeoutMs: VERDICT_TIMEOUT },
            );
          }
          // Failures are logged when their diagnosis starts, not when the badge shows: wait for the log itself.
          const preSites = (scenario.preload ?? []).map((pre) => new URL(pre.url).hostname);
          if (preSites.length) {
            await waitFor(
              `${name}: failure log to hold ${preSites.join(', ')}`,
              () => failureLog(driver),
              (log) => preSites.every((site) => log.some((r) => r.site === site)),
              { timeoutMs: VERDICT_TIMEOUT },
            );
          }
          const hitsBefore = new Map(server.hits);
          const { page, tabId, navError, navigatedAt } = await driver.open(url);
          opened.push({ page });
          const snap = await checkTab(driver, tabId, scenario.expect).catch(async (err) => {
            const failures = await failureLog(driver).catch(() => null);
            log.push({
              scenario: scenario.name,
              url,
              navError,
              error: String(err),
              failures,
              ...(await driver.snapshot(tabId).catch(() => ({}))),
            });
            await driver.screenshot(page, `failed-${shot}`).catch(() => undefined);
            throw err;
          });
          log.push({ scenario: scenario.name, url, navError, ...snap });
          const popupWant = expectedPopup(scenario.expect, scenario.verdict);
          const popup = await pollUntil(
            () => driver.popup(tabId, { screenshot: `popup-${shot}` }),
            (read) => isDeepEqual(popupView(read, popupWant), popupWant),
            { timeoutMs: VERDICT_TIMEOUT, intervalMs: 300 },
          );
          if (!popup.value) throw popup.error;
          log.push({ scenario: scenario.name, popup: popup.value });
          if (scenario.verdict) {
            const stored = await checkVerdict(driver, tabId, scenario.verdict, navigatedAt).catch(async (err) => {
              log.push({
                scenario: scenario.name,
                verdict: (await driver.verdict(tabId).catch(() => null))?.verdict,
                error: String(err),
              });
              throw err;
            });
            log.push({ scenario: scenario.name, verdict: stored.verdict, timing: stored.timing });
            // The time is printed, not asserted: on a busy machine the browser's own timers fire late, and the
            // bound itself is measured by bench:verdict. The row's `timeout` sources prove the waits were bounded.
            if (Object.values(scenario.verdict.sources ?? {}).includes('timeout'))
              console.log(
                `# ${name}: ${scenario.name}: verdict ${stored.timing?.afterNavigationMs} ms after navigation`,
              );
          }
          assert.deepEqual(popupView(popup.value, popupWant), popupWant, `popup.html?tab=${tabId}`);
          if (scenario.unasked) {
            const unasked = new Set(scenario.unasked);
            const asked = [...server.hits].filter(
              ([key, count]) => unasked.has(key.split('/')[0] ?? '') && count > (hitsBefore.get(key) ?? 0),
            );
            assert.deepEqual(asked, [], 'requests to hosts this scenario must leave alone');
          }
          const shotOfScenario = SHOTS[scenario.url];
          if (shotOfScenario) {
            const t0 = Date.now();
            shots.push(...(await shootPopups(driver, tabId, shotOfScenario)));
            shotMs += Date.now() - t0;
          }
        } finally {
          server.setWorld();
          for (const o of opened) await o.page.close().catch(() => undefined);
        }
      });
    }

    it('popup screenshots: every culprit in English and Korean', () => {
      const want = Object.values(SHOTS).flatMap((s) =>
        LANGUAGES.map((l) => `artifacts/screenshots/${name}/popup-${s?.culprit}-${l}.png`),
      );
      assert.deepEqual([...shots].sort(), want.sort(), 'each SHOTS url must be a scenario whose checks passed');
      console.log(`# ${name}: ${shots.length} popup screenshots in ${shotMs} ms`);
    });

    it('E2E bridge: a page can open popup.html?tab=self and it shows that tab', { timeout: 30_000 }, async () => {
      const { url } = SCENARIOS[0] ?? assert.fail('the scenario table is empty');
      const { page, tabId } = await driver.open(url);
      try {
        // The bridge lives in the content script, which runs after load: wait until its page report is in (the
        // cf-error-source box is only visible to it), else the message would go unheard.
        await waitFor(
          `${driver.name}: page report for ${url}`,
          () => driver.state(tabId),
          (s) => s?.detection?.evidence.includes('box:cf-host-status') === true,
          { timeoutMs: VERDICT_TIMEOUT },
        );
        const opened = await driver.openExtensionTab('popup.html?tab=self', () =>
          page.evaluate(() => window.postMessage({ type: 'culprit-e2e/open', path: 'popup.html?tab=self' }, '*')),
        );
        try {
          const href = await opened.evaluate(() => location.href);
          assert.match(href, new RegExp(`/popup\\.html\\?tab=${tabId}$`), 'tab=self must become the sender tab id');
          const attrs = await driver.readPopup(opened, 'bridge-popup');
          assert.deepEqual(pickKeys(attrs, { kind: 1, colo: 1 }), { kind: 'origin-error', colo: 'ICN' });
        } finally {
          await opened.close().catch(() => undefined);
        }
      } finally {
        await page.close().catch(() => undefined);
      }
    });

    it('a normal page gets no reader: nothing injected, nothing reported', { timeout: 30_000 }, async () => {
      const hasReader = (/** @type {import('../harness/types.d.ts').AnyPage} */ page) =>
        page.evaluate(() => document.documentElement.hasAttribute('data-culprit-e2e-reader'));
      const normal = await driver.open(NORMAL_URL);
      // The failing page is opened after the normal one has loaded, so the background had the normal page's
      // commit and completion before this one's: a reader bound for the normal page would have been sent first.
      const failing = await driver.open(SCENARIOS[0]?.url ?? assert.fail('the scenario table is empty'));
      try {
        await waitFor(`${driver.name}: the reader in the failing page`, () => hasReader(failing.page), Boolean, {
          timeoutMs: VERDICT_TIMEOUT,
        });
        await waitFor(
          `${driver.name}: the failing page's report`,
          () => driver.state(failing.tabId),
          (s) => s?.source === 'page',
          { timeoutMs: VERDICT_TIMEOUT },
        );
        assert.equal(await hasReader(normal.page), false, 'no reader in the normal page');
        const state = await driver.state(normal.tabId);
        assert.equal(state?.kind, 'none');
        assert.equal(state?.source, 'headers', 'the normal page sent no report: only its headers were read');
        assert.equal(await driver.badge(normal.tabId), '');
      } finally {
        await Promise.all([normal.page.close(), failing.page.close()].map((p) => p.catch(() => undefined)));
      }
    });

    it('the tofu check reports exactly the characters no installed font has', { timeout: 20_000 }, async () => {
      const { page } = await driver.open(WARMUP_URL);
      try {
        // U+0380 and U+0381 are unassigned, so every machine draws them as boxes; the Hangul needs a CJK font.
        await page.evaluate(() => {
          document.body.replaceChildren(
            Object.assign(document.createElement('p'), { textContent: 'Café 사이트 \u0380\u0381' }),
          );
        });
        const missing = await page.evaluate(findMissingGlyphs);
        assert.deepEqual(
          missing.map((m) => m.char),
          ['\u0380', '\u0381'],
        );
      } finally {
        await page.close().catch(() => undefined);
      }
    });

    it(`the fake ${STATUS_HOST} answers extension fetches over HTTPS`, { timeout: 20_000 }, async () => {
      /** @type {ReturnType<typeof statusSummary>} */
      const body = await driver.ext(async (u) => (await fetch(u)).json(), `https://${STATUS_HOST}/api/v2/summary.json`);
      assert.deepEqual(body.status, statusSummary('operational').status);
    });

    // Last, so it sees what the whole suite made the extension ask (written to <browser>-requests.json too).
    it('every request the extension made matches a row of PRIVACY.md, and its scenario rows all occurred', () => {
      const world = { pages: server.navigated.keys() };
      const { unlisted, unrecorded } = compareWithPrivacyTable(server.fetched.keys(), 'scenarios', world);
      assert.deepEqual({ unlisted, unrecorded }, { unlisted: [], unrecorded: [] });
    });
  });
}
