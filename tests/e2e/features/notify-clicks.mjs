// Clicks on a notification (src/background/notification-clicks.ts) in a real browser. No headless browser can click
// one, so the E2E build's hook (src/background/e2e-hooks.ts) runs the handlers registered on notifications.onClicked
// and onButtonClicked, refusing if they are not the registered ones; what they do is then observed in the browser.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { alarm, closeAll, openFailing, send, texts, waitTexts, waitVerdict } from './helpers.mjs';
import { en } from '../harness/messages.mjs';
import { expectSiteDown } from './notify.mjs';
import { SITES } from './sites.mjs';
import { waitFor } from '../harness/wait.mjs';

/** @import { FeatureContext } from './suite.mjs' */

/**
 * Opens a failing site and waits for its (site-origin) notification; returns the opened tab, its host and the id.
 * @param {FeatureContext} ctx @param {import('./sites.mjs').FeatureSite} site
 */
async function failAndNotify({ driver, spy }, site) {
  const host = new URL(site.url).hostname;
  const failed = await openFailing(driver, site.url);
  await waitVerdict(driver, failed.tabId, (v) => v.rule === 'site-origin', 'site-origin');
  const id = `culprit:tab:${failed.tabId}`;
  expectSiteDown(await spy.waitFor(id), driver, host);
  return { ...failed, host, id };
}

/**
 * The handler cleared it. Chromium keeps a notification until then; headless Firefox closed it at once anyway.
 * @param {FeatureContext} ctx @param {string} id
 */
async function expectCleared({ driver, spy }, id) {
  assert.ok((await spy.cleared())?.includes(id), `the handler cleared ${id}`);
  if (driver.name === 'chromium') {
    await waitFor(`chromium: ${id} gone from notifications.getAll()`, spy.known, (ids) => !ids.includes(id), {
      timeoutMs: 5_000,
    });
  }
}

/**
 * @param {FeatureContext} ctx
 * @param {'chromium' | 'firefox'} browserName
 */
export function notificationClickTests(ctx, browserName) {
  it('notification click: opens the verdict in a new tab for that tab and clears the notification', async () => {
    const { driver, spy } = ctx;
    await spy.install();
    const failed = await failAndNotify(ctx, SITES.click);
    /** @type {import('../harness/types.d.ts').AnyPage | undefined} */
    let details;
    try {
      details = await driver.openExtensionTab(`popup.html?tab=${failed.tabId}`, () => spy.click(failed.id));
      assert.match(await details.evaluate(() => location.href), new RegExp(`/popup\\.html\\?tab=${failed.tabId}$`));
      await waitTexts(
        details,
        '.headline h1',
        (t) => t[0] === en('verdict_siteOrigin', { host: failed.host }),
        'the details page to show the verdict',
      );
      assert.deepEqual(await texts(details, '.headline .host'), [failed.host]);
      await expectCleared(ctx, failed.id);
    } finally {
      await closeAll([details, failed.page]);
    }
  });

  // Firefox rejects notification buttons (the details page a click opens offers the watch), so Chromium only.
  if (browserName !== 'chromium') return;
  it('notification button: "Tell me when it\'s back" starts the watch for that tab and clears the notification', async () => {
    const { driver, spy } = ctx;
    await spy.install();
    const failed = await failAndNotify(ctx, SITES.button);
    try {
      assert.deepEqual(await send(driver, 'watch/list'), [], 'no watch before the click');
      await spy.click(failed.id, 0);
      const watches = await send(driver, 'watch/list');
      assert.deepEqual(
        watches.map((w) => ({ host: w.host, url: w.url, tabId: w.tabId })),
        [{ host: failed.host, url: failed.url, tabId: failed.tabId }],
      );
      assert.equal(
        (await alarm(driver, `watch:${failed.host}`))?.scheduledTime,
        watches[0]?.nextAt,
        'its alarm is set',
      );
      await expectCleared(ctx, failed.id);
    } finally {
      await send(driver, 'watch/cancel', { host: failed.host }).catch(() => undefined);
      await closeAll([failed.page]);
    }
  });
}
