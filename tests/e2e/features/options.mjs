// The settings page (options.html, src/shared/settings.ts) in a real browser: changes persist in storage.sync across a
// reload of the page and a restart of the background, take effect (notification mode, archive lookup, Korean), and
// Reset brings back the defaults.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ARCHIVE_HOST, SITES } from './sites.mjs';
import {
  clickText,
  closeAll,
  openExtensionPage,
  openFailing,
  QUIET_AFTER_VERDICT_MS,
  reloadPage,
  selectOption,
  storedSettings,
  texts,
  waitTexts,
  waitVerdict,
} from './helpers.mjs';
import { en, ko } from '../harness/messages.mjs';
import { sleep, waitFor } from '../harness/wait.mjs';

const ARCHIVE_BOX = 'input[aria-describedby="archive-hint"]';

/**
 * What the options page shows: the chosen mode, the archive box, the language, and its heading.
 * @param {import('../harness/types.d.ts').AnyPage} page
 */
const shown = (page) =>
  page.evaluate(
    (box) => ({
      mode: /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="notifications"]:checked'))
        ?.value,
      archive: /** @type {HTMLInputElement | null} */ (document.querySelector(box))?.checked,
      language: /** @type {HTMLSelectElement | null} */ (document.querySelector('#language'))?.value,
      title: document.querySelector('h1')?.textContent,
      lang: document.documentElement.lang.slice(0, 2), // 'auto' is the browser's own (en-US here)
    }),
    ARCHIVE_BOX,
  );

/**
 * Opens a failing site and checks no notification follows its (site-origin) verdict.
 * @param {import('./suite.mjs').FeatureContext} ctx @param {string} url @param {string} why
 */
async function expectQuietFailure(ctx, url, why) {
  const { driver, spy } = ctx;
  const opened = await openFailing(driver, url);
  await waitVerdict(driver, opened.tabId, (v) => v.rule === 'site-origin', 'site-origin');
  await sleep(QUIET_AFTER_VERDICT_MS);
  assert.deepEqual(await spy.createdFor([`culprit:tab:${opened.tabId}`]), [], why);
  return opened;
}

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function optionsTests(ctx) {
  it('options: mode, archive lookup and language persist across a reload and a background restart, apply, and reset', async () => {
    const { driver, spy, server } = ctx;
    /** @type {import('../harness/types.d.ts').AnyPage[]} */
    const pages = [];
    try {
      let page = await openExtensionPage(driver, 'options.html');
      pages.push(page);
      await page.waitForSelector('input[name="notifications"][value="cdn-wide"]', { timeout: 8_000 });
      assert.deepEqual(
        await shown(page),
        { mode: 'errors', archive: false, language: 'auto', title: en('options_title'), lang: 'en' },
        'defaults',
      );
      await page.click('input[name="notifications"][value="cdn-wide"]');
      await page.click(ARCHIVE_BOX);
      await selectOption(driver, page, '#language', 'ko');
      await waitTexts(page, '.status', (t) => t[0] === ko('options_saved'), 'the page to confirm in Korean');
      const want = { mode: 'cdn-wide', archive: true, language: 'ko', title: ko('options_title'), lang: 'ko' };
      assert.deepEqual(await shown(page), want);

      await reloadPage(page, 'input[name="notifications"]:checked');
      assert.deepEqual(await shown(page), want, 'after reloading the page');
      await driver.restartBackground();
      const { notifications, archiveLookup, language } = (await storedSettings(driver)) ?? {};
      assert.deepEqual(
        { notifications, archiveLookup, language },
        { notifications: 'cdn-wide', archiveLookup: true, language: 'ko' },
        'storage.sync after a background restart',
      );
      page = await openExtensionPage(driver, 'options.html');
      pages.push(page);
      await page.waitForSelector('input[name="notifications"]:checked', { timeout: 8_000 });
      assert.deepEqual(await shown(page), want, 'a fresh options page after the restart');

      // cdn-wide: a site's own failure no longer notifies. The fresh background needs the spy again.
      await spy.install();
      const site = await expectQuietFailure(
        ctx,
        SITES.modeCdn.url,
        'mode cdn-wide: no notification for a site failure',
      );
      pages.push(site.page);
      // Korean popup, and archive lookup on: the popup asks archive.org by itself.
      const archiveAsked = () => server.hits.get(`${ARCHIVE_HOST}/wayback/available`) ?? 0;
      const asked = archiveAsked();
      const popup = await openExtensionPage(driver, `popup.html?tab=${site.tabId}`);
      pages.push(popup);
      const host = new URL(SITES.modeCdn.url).hostname;
      await waitTexts(
        popup,
        '.headline h1',
        (t) => t[0] === ko('verdict_siteOrigin', { host }),
        'the popup headline in Korean',
      );
      assert.deepEqual(await texts(popup, '[data-action="check-again"]'), [ko('popup_checkAgain')]);
      assert.equal(await popup.evaluate(() => document.documentElement.lang), 'ko');
      await waitFor(
        `${driver.name}: the popup to ask archive.org (archiveLookup on)`,
        async () => archiveAsked(),
        (n) => n > asked,
        { timeoutMs: 5_000 },
      );

      // off: nothing at all.
      await page.click('input[name="notifications"][value="off"]');
      await waitFor(
        `${driver.name}: mode off stored`,
        () => storedSettings(driver),
        (s) => s?.notifications === 'off',
        { timeoutMs: 5_000 },
      );
      pages.push((await expectQuietFailure(ctx, SITES.modeOff.url, 'mode off: no notification')).page);

      await clickText(page, 'button', ko('options_reset'));
      await clickText(page, 'button', ko('options_resetYes'));
      await waitTexts(
        page,
        '.status',
        (t) => t[0] === en('options_resetDone'),
        'the reset to be confirmed, in English again',
      );
      assert.deepEqual(await shown(page), {
        mode: 'errors',
        archive: false,
        language: 'auto',
        title: en('options_title'),
        lang: 'en',
      });
      assert.equal(await storedSettings(driver), null, 'reset removes the stored row');
    } finally {
      await closeAll(pages);
    }
  });
}
