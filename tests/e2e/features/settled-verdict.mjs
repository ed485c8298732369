// One settled verdict per page, in a real browser: notifications follow only a settled verdict (never the header-only
// reading of a Cloudflare 500), the badge always says what the popup says, the NET badge survives the browser's own
// error page, and headers that arrive after the page's report refine it instead of replacing it
// (src/background/verdict-life-cycle.ts, reading-merge.ts, badge-painter.ts, repaint-on-load.ts).
/** @import { Verdict } from '../../../src/core/diagnose/types.ts' */
/** @import { StoredVerdict } from '../../../src/shared/storage/verdict-schema.ts' */
/** @import { TabKind, TabState } from '../../../src/shared/tab-state.ts' */
/** @import { Driver } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { subjectOf } from '../../../src/background/diagnosis.ts';
import { badgeForVerdict } from '../../../src/shared/badge.ts';
import { en } from '../harness/messages.mjs';
import { sleep, waitFor } from '../harness/wait.mjs';
import { NOV18, UNBLOCK_LATE } from './settled-sites.mjs';

/** @param {string} url */
const hostOf = (url) => new URL(url).hostname;
/** @param {number} tabId */
const tabNote = (tabId) => `culprit:tab:${tabId}`;

/** @param {Driver} driver */
const clearFailures = (driver) =>
  driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));

/**
 * What is stored for a tab: its state, its verdict and which verdict was announced (its effects made), with the
 * browser's clock.
 * @param {Driver} driver @param {number} tabId
 */
export const stored = (driver, tabId) =>
  driver.ext(async (id) => {
    const [state, verdict, announced] = [`tab:${id}`, `verdict:${id}`, `announced:${id}`];
    const got = await (globalThis.browser ?? globalThis.chrome).storage.session.get([state, verdict, announced]);
    return {
      state: /** @type {TabState | undefined} */ (got[state]) ?? null,
      verdict: /** @type {StoredVerdict | undefined} */ (got[verdict]) ?? null,
      announced: /** @type {{ subject: string, decidedAt: number } | undefined} */ (got[announced]) ?? null,
      now: Date.now(),
    };
  }, tabId);

/**
 * The tab once its reading is settled and the verdict about it was announced (notification, history, peer report
 * decided), and `done` holds for that verdict.
 * @param {Driver} driver @param {number} tabId @param {string} what @param {(v: Verdict) => boolean} [done]
 * @returns {Promise<{ state: TabState, verdict: Verdict }>}
 */
export async function settled(driver, tabId, what, done = () => true) {
  const got = await waitFor(
    `${driver.name}: tab ${tabId} settled, its verdict announced (${what})`,
    () => stored(driver, tabId),
    (s) =>
      s.state !== null &&
      s.verdict !== null &&
      s.now >= s.state.settledAt &&
      s.verdict.subject === subjectOf(s.state) &&
      s.announced?.subject === s.verdict.subject &&
      s.announced.decidedAt === s.verdict.verdict.decidedAt &&
      done(s.verdict.verdict),
    { timeoutMs: 20_000 },
  );
  return { state: /** @type {TabState} */ (got.state), verdict: /** @type {StoredVerdict} */ (got.verdict).verdict };
}

/**
 * How long after the browser saw the page's headers its content script first read it (resp:<tab> and page-report:<tab>).
 * @param {Driver} driver @param {number} tabId
 */
const readLag = (driver, tabId) =>
  driver.ext(async (id) => {
    const got = await (globalThis.browser ?? globalThis.chrome).storage.session.get([
      `resp:${id}`,
      `page-report:${id}`,
    ]);
    const response = /** @type {{ at: number } | undefined} */ (got[`resp:${id}`]);
    const page = /** @type {{ document: { shownAt: number } } | undefined} */ (got[`page-report:${id}`]);
    return response && page ? page.document.shownAt - response.at : null;
  }, tabId);

/**
 * Tells the E2E build's background to hold `host`'s header events until its page has reported `untilKind`
 * (src/background/e2e-header-hold.ts). Chromium: in the worker; Firefox: the event page, from the control page.
 * @param {Driver} driver @param {string} host @param {TabKind} untilKind
 */
async function holdHeaders(driver, host, untilKind) {
  /** @type {[string, TabKind]} */
  const args = [host, untilKind];
  if (driver.name === 'chromium') {
    await (await driver.worker()).evaluate(([h, k]) => globalThis.__culpritE2e.holdHeaders(h, k), args);
    return;
  }
  await driver.ext(async ([h, k]) => {
    const bg = await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage();
    bg.__culpritE2e.holdHeaders(h, k);
  }, args);
}

/**
 * How many of `host`'s header events the background delivered after its page's report.
 * @param {Driver} driver @param {string} host @returns {Promise<number>}
 */
async function releasedHeaders(driver, host) {
  if (driver.name === 'chromium')
    return (await driver.worker()).evaluate((h) => globalThis.__culpritE2e.releasedHeaders(h), host);
  return driver.ext(async (h) => {
    const bg = await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage();
    return bg.__culpritE2e.releasedHeaders(h);
  }, host);
}

/** @param {import('./settled-suite.mjs').SettledContext} ctx */
export function settledVerdictTests(ctx) {
  for (const status of /** @type {const} */ (['operational', 'unreachable'])) {
    it(`18 Nov, status page ${status}: three Cloudflare 500s, no notification names a site, the third names Cloudflare, badge = popup`, async () => {
      const { driver, spy, server } = ctx;
      server.setWorld(status === 'unreachable' ? { status: 'refuse' } : {});
      await spy.install();
      const earlier = (await spy.created())?.length ?? 0;
      await clearFailures(driver);
      /** @type {import('../harness/types.d.ts').AnyPage[]} */
      const pages = [];
      /** @type {number[]} */
      const tabs = [];
      try {
        for (const [i, site] of NOV18[status].entries()) {
          const opened = await driver.open(site.url);
          pages.push(opened.page);
          tabs.push(opened.tabId);
          const third = i === 2;
          const rule = third ? 'cdn-correlated' : 'cdn-edge-page';
          const tab = await settled(driver, opened.tabId, `visit ${i + 1}: ${rule}`, (v) => v.rule === rule);
          assert.equal(tab.state.kind, 'edge-error', `visit ${i + 1}: the page's own reading`);
          // Printed, not asserted: how long the page's report follows its headers is what READING_WAIT_MS bounds.
          console.log(
            `# ${driver.name}: visit ${i + 1}: page read ${await readLag(driver, opened.tabId)} ms after its headers`,
          );
          assert.equal(tab.verdict.culprit, 'cdn');
          // The third visit's notification goes out before the popup takes the tab's place in front.
          if (third) {
            const note = await spy.waitFor(tabNote(opened.tabId));
            assert.equal(note.title, en('verdict_cdnCorrelated', { vendor: 'Cloudflare' }));
          }
          const badge = await driver.badge(opened.tabId);
          assert.equal(
            badge,
            badgeForVerdict(tab.state, tab.verdict).text,
            `visit ${i + 1}: the badge is the verdict's`,
          );
          assert.equal(badge, 'CDN');
          const popup = await driver.popup(opened.tabId);
          assert.equal(popup.culprit, tab.verdict.culprit, `visit ${i + 1}: the popup says what the badge says`);
        }
        const notes = ((await spy.created()) ?? []).slice(earlier);
        const hosts = NOV18[status].map((s) => hostOf(s.url));
        for (const note of notes) {
          for (const host of hosts) {
            assert.ok(!`${note.title} ${note.message}`.includes(host), `a notification names ${host}: ${note.title}`);
          }
        }
        assert.deepEqual(
          notes.filter((n) => n.id !== tabNote(/** @type {number} */ (tabs[2]))).map((n) => `${n.id}: ${n.title}`),
          [],
          'no notification for the first two visits',
        );
      } finally {
        server.setWorld();
        for (const page of pages) await page.close().catch(() => undefined);
      }
    });
  }

  it("a refused connection: the NET badge stays for 10 s after the browser's error page has loaded", async () => {
    const { driver, server } = ctx;
    // With every outside check failing too, the verdict agrees it is the network, so the badge should read NET.
    server.setWorld({ egress: 'down' });
    const opened = await driver.open(`http://refused.test:${ctx.closedPort}/settled`);
    try {
      await waitFor(
        `${driver.name}: the error page in tab ${opened.tabId} loaded, its badge drawn`,
        async () => ({
          status: (await driver.ext((id) => (globalThis.browser ?? globalThis.chrome).tabs.get(id), opened.tabId))
            .status,
          badge: await driver.badge(opened.tabId),
        }),
        (r) => r.status === 'complete' && r.badge === 'NET',
        { timeoutMs: 10_000 },
      );
      /** @type {string[]} */
      const seen = [];
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        const badge = await driver.badge(opened.tabId);
        if (seen.at(-1) !== badge) seen.push(badge);
        await sleep(100);
      }
      assert.deepEqual(seen, ['NET'], 'the badge across the 10 s');
      const tab = await stored(driver, opened.tabId);
      assert.equal(tab.state?.kind, 'network-error');
      assert.equal(tab.verdict?.verdict.culprit, 'network');
    } finally {
      server.setWorld();
      await opened.page.close().catch(() => undefined);
    }
  });

  it('"Please unblock challenges.cloudflare.com", its headers delivered after the page\'s report: your browser, every run', async () => {
    const { driver } = ctx;
    const runs = driver.name === 'firefox' ? 20 : 5;
    const host = hostOf(UNBLOCK_LATE.url);
    /** @type {TabKind} */
    const untilKind = 'challenge-failed';
    await holdHeaders(driver, host, untilKind);
    for (let run = 1; run <= runs; run++) {
      const released = await releasedHeaders(driver, host);
      await clearFailures(driver);
      const opened = await driver.open(UNBLOCK_LATE.url);
      try {
        const tab = await settled(
          driver,
          opened.tabId,
          `run ${run}: challenge-your-browser`,
          (v) => v.culprit === 'browser',
        );
        assert.equal(tab.verdict.rule, 'challenge-your-browser', `run ${run}`);
        assert.equal(tab.state.source, 'page', `run ${run}: the page's reading stands`);
        assert.equal(tab.state.kind, 'challenge-failed', `run ${run}`);
        assert.equal(tab.state.detection?.unconfirmed, false, `run ${run}: the late headers confirmed it`);
        assert.ok((await releasedHeaders(driver, host)) > released, `run ${run}: its headers came after its report`);
        assert.equal(await driver.badge(opened.tabId), 'BRW', `run ${run}: the badge`);
      } finally {
        await opened.page.close().catch(() => undefined);
      }
    }
  });
}
