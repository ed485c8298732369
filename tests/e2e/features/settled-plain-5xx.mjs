// A site with no CDN in front failing on its own, in a real browser: nginx's 502, then its 503, then the site back,
// in one tab. Each 5xx is the site's (badge SITE, verdict site-server, the popup naming nginx) and the first notifies
// like any corroborated site failure (our own re-fetch fails too); once the site answers 200 nothing is shown.
/** @import { TabState } from '../../../src/shared/tab-state.ts' */
/** @import { Driver } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { subjectOf } from '../../../src/background/diagnosis.ts';
import { en } from '../harness/messages.mjs';
import { waitFor } from '../harness/wait.mjs';
import { PLAIN_5XX } from './settled-sites.mjs';
import { settled, stored } from './settled-verdict.mjs';

/**
 * Loads `url` in the tab's own page and waits for the tab's state to be about it.
 * @param {Driver} driver @param {import('../harness/types.d.ts').AnyPage} page @param {number} tabId @param {string} url
 * @returns {Promise<TabState>}
 */
async function loadInTab(driver, page, tabId, url) {
  await page.goto(url, { timeout: 15_000, waitUntil: 'load' });
  return /** @type {Promise<TabState>} */ (
    waitFor(
      `${driver.name}: tab ${tabId} read ${url}`,
      () => driver.state(tabId),
      (s) => s !== null && s.url === url,
      { timeoutMs: 10_000 },
    )
  );
}

/** @param {import('./settled-suite.mjs').SettledContext} ctx */
export function plainServerErrorTests(ctx) {
  it('a site with no CDN answers 502, then 503, then 200 in one tab: SITE and a site verdict, then nothing', async () => {
    const { driver, spy, server } = ctx;
    const host = new URL(PLAIN_5XX.url).hostname;
    await spy.install();
    server.setRoute(host, PLAIN_5XX.steps[502]);
    const opened = await driver.open(PLAIN_5XX.url);
    try {
      for (const [step, status] of /** @type {const} */ ([
        [1, 502],
        [2, 503],
      ])) {
        if (step > 1) {
          server.setRoute(host, PLAIN_5XX.steps[status]);
          await loadInTab(driver, opened.page, opened.tabId, `${opened.url}&step=${step}`);
        }
        const tab = await settled(driver, opened.tabId, `${status}: site-server`, (v) => v.rule === 'site-server');
        assert.equal(tab.state.status, status);
        assert.deepEqual(
          { kind: tab.state.kind, vendor: tab.state.detection?.vendor, platform: tab.state.detection?.platform },
          { kind: 'origin-error', vendor: null, platform: 'nginx' },
          `${status}: the page's own reading`,
        );
        assert.equal(tab.verdict.culprit, 'site');
        const page = tab.verdict.evidence.find((item) => item.source === 'page');
        assert.deepEqual(page?.observed, { key: 'ev_platformServer', params: { platform: 'nginx', code: status } });
        assert.equal(await driver.badge(opened.tabId), 'SITE', `${status}: the badge`);
        const popup = await driver.popup(opened.tabId);
        assert.deepEqual(
          { culprit: popup.culprit, rule: popup.rule, vendor: popup.vendor },
          { culprit: 'site', rule: 'site-server', vendor: '' },
          `${status}: the popup`,
        );
        if (status === 502) {
          const note = await spy.waitFor(`culprit:tab:${opened.tabId}`);
          assert.equal(note.title, en('verdict_siteServer', { host }));
        }
      }

      server.setRoute(host, PLAIN_5XX.steps[200]);
      const back = await loadInTab(driver, opened.page, opened.tabId, `${opened.url}&step=3`);
      assert.equal(back.kind, 'none');
      await waitFor(
        `${driver.name}: tab ${opened.tabId} back to a normal page, its badge cleared`,
        () => driver.badge(opened.tabId),
        (badge) => badge === '',
        { timeoutMs: 10_000 },
      );
      const after = await stored(driver, opened.tabId);
      assert.equal(after.state?.kind, 'none');
      assert.ok(
        after.verdict === null || (after.state !== null && after.verdict.subject !== subjectOf(after.state)),
        'no verdict about the working page',
      );
      const popup = await driver.popup(opened.tabId);
      assert.deepEqual({ culprit: popup.culprit, kind: popup.kind }, { culprit: '', kind: 'none' }, 'the popup');
    } finally {
      server.setRoute(host, PLAIN_5XX.steps[502]);
      await opened.page.close().catch(() => undefined);
    }
  });
}
