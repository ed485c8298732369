// The popup's Ray ID and its Copy button (src/popup/RayId.tsx) in a real browser: after a trusted click the clipboard
// gets exactly the Ray ID the failing page showed, and the button's live status says it was copied.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { closeAll, openExtensionPage, openFailing, texts, waitTexts, waitVerdict } from './helpers.mjs';
import { en } from '../harness/messages.mjs';
import { SITES } from './sites.mjs';

const COPY = '[data-action="copy-ray"]';
const STATUS = '[data-fact="ray-id"] [role="status"]';

/**
 * How the test learns what was copied. Chromium: the real clipboard, read back with readText (the permission is
 * granted to the test's profile, not asked for in the manifest), after putting something else there first.
 * Firefox: readText in an extension page needs the clipboardRead permission, which the extension does not ask for,
 * so the page's own writeText is wrapped to record its argument and still call through to the real clipboard (the
 * "copied" status then shows Firefox accepted the write).
 * @param {import('../harness/types.d.ts').Driver} driver @param {import('../harness/types.d.ts').AnyPage} page
 */
async function watchClipboard(driver, page) {
  if (driver.name === 'chromium') {
    await driver.grantClipboard();
    await page.evaluate(() => navigator.clipboard.writeText('not the ray id'));
    return () => page.evaluate(() => navigator.clipboard.readText());
  }
  await page.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    const copied = (globalThis.__culpritE2eCopied = /** @type {string[]} */ ([]));
    clipboard.writeText = (text) => {
      copied.push(text);
      return write(text);
    };
  });
  return () => page.evaluate(() => (globalThis.__culpritE2eCopied ?? []).join('\n'));
}

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function popupTests(ctx) {
  it('popup: Copy puts exactly the Ray ID on the clipboard and says it was copied', async () => {
    const { driver } = ctx;
    const ray = SITES.ray.route.headers['cf-ray']?.split('-')[0];
    const failed = await openFailing(driver, SITES.ray.url);
    /** @type {import('../harness/types.d.ts').AnyPage | undefined} */
    let popup;
    try {
      await waitVerdict(driver, failed.tabId, (v) => v.rule === 'site-origin', 'site-origin');
      popup = await openExtensionPage(driver, `popup.html?tab=${failed.tabId}`);
      await popup.waitForSelector(COPY, { timeout: 8_000 });
      assert.deepEqual(await texts(popup, '[data-fact="ray-id"] code'), [ray], 'the Ray ID the page showed');
      assert.equal(
        await popup.evaluate((sel) => document.querySelector(sel)?.getAttribute('aria-label'), COPY),
        en('popup_copyRayId'),
      );
      assert.deepEqual(await texts(popup, STATUS), [''], 'nothing said before the click');
      const copied = await watchClipboard(driver, popup);
      await popup.click(COPY);
      await waitTexts(popup, STATUS, (t) => t[0] === en('popup_copied'), 'the copy to be confirmed');
      assert.equal(await copied(), ray);
    } finally {
      await closeAll([popup, failed.page]);
    }
  });
}
