// Catching a real download from an extension page. Chromium (Playwright) reports it as a `download` event; Firefox
// saves it without asking into the profile's download folder, which the feature suite points at `dir` (launch prefs).
import fs from 'node:fs';
import path from 'node:path';
import { isPresent, waitFor, withTimeout } from './wait.mjs';

/** Firefox prefs: every download goes straight to `dir`, no dialog, no panel. @param {string} dir */
export const firefoxDownloadPrefs = (dir) => ({
  'browser.download.dir': dir,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
  'browser.download.panel.shown': true,
});

/**
 * Runs `click` and returns the file it downloaded: `{ name, text }`.
 * @param {import('./types.d.ts').Driver} driver @param {import('./types.d.ts').AnyPage} page
 * @param {() => Promise<unknown>} click @param {string} dir Firefox's folder
 */
export async function downloadOf(driver, page, click, dir) {
  if (driver.name === 'chromium') {
    const chromiumPage = /** @type {import('playwright-core').Page} */ (page);
    const [download] = await Promise.all([chromiumPage.waitForEvent('download', { timeout: 8_000 }), click()]);
    const file = await withTimeout('chromium: download to finish', download.path(), 8_000);
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  }
  const before = new Set(fs.readdirSync(dir));
  await click();
  const name = await waitFor(
    `firefox: a finished download in ${dir}`,
    async () => {
      const files = fs.readdirSync(dir);
      if (files.some((f) => f.endsWith('.part'))) return null;
      return files.find((f) => !before.has(f) && fs.statSync(path.join(dir, f)).size > 0) ?? null;
    },
    isPresent,
    { timeoutMs: 8_000 },
  );
  return { name, text: fs.readFileSync(path.join(dir, name), 'utf8') };
}
