// What a person sees: the popup for each culprit the scenario table produces, in English and Korean, saved
// as artifacts/screenshots/<browser>/popup-<culprit>-<lang>.png by the e2e run in both browsers. A shot is taken only
// once the headline reads the expected message in that language, and the file is then checked to be a real PNG of a
// popup-sized page, and every character on it must have drawn with a real glyph (../harness/rendered-text.mjs), so a blank,
// untranslated, wrong-culprit or tofu render fails the scenario instead of being saved.
/** @import { AnyPage, Driver } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { vendorName } from '../../../src/shared/vendor-names.ts';
import { ROOT } from '../harness/browsers.mjs';
import { messages } from '../harness/messages.mjs';
import { assertTextRendered } from '../harness/rendered-text.mjs';
import { waitFor, withTimeout } from '../harness/wait.mjs';

/**
 * The scenario (by URL) that shows each culprit, and its headline's message key (the decision-table row's key).
 * @typedef {{ culprit: import('../../../src/core/diagnose/types.ts').Culprit, headline: string }} Shot
 * @type {Record<string, Shot | undefined>}
 */
export const SHOTS = {
  'https://shop-522.test/checkout': { culprit: 'site', headline: 'verdict_siteOrigin' },
  'https://news-500.test/': { culprit: 'cdn', headline: 'verdict_cdnEdge' },
  'https://forum-1020.test/thread/42': { culprit: 'blocked', headline: 'verdict_blocked' },
  'https://tickets-unblock.test/': { culprit: 'browser', headline: 'verdict_challengeBrowser' },
  'http://offline.invalid/': { culprit: 'network', headline: 'verdict_offline' },
  // A normal page gets no diagnosis, so the popup shows what the page itself said.
  'https://garden-ok.test/sale': { culprit: 'none', headline: 'headline_none' },
};
/** @type {('en' | 'ko')[]} */
export const LANGUAGES = ['en', 'ko'];
/**
 * Copied to docs/screenshots/ (README) when CULPRIT_DOCS_SCREENSHOTS=1, e.g. by `npm run screenshots firefox`.
 * @type {Partial<Record<Driver['name'], string[]>>}
 */
const DOCS = { firefox: ['site-ko', 'cdn-en'] };
const WIDTH = 420;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which must directly follow the signature. @param {Buffer} bytes */
function pngSize(bytes) {
  assert.ok(bytes.length > 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', 'first chunk is IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The headline the popup must show in `lang`, computed from the message catalogue, not read from the popup.
 * @param {Driver} driver @param {number} tabId @param {Shot} shot @param {'en' | 'ko'} lang
 */
async function expectedHeadline(driver, tabId, shot, lang) {
  const say = messages(lang);
  if (shot.culprit === 'none') return say(shot.headline);
  const verdict = (await driver.verdict(tabId))?.verdict;
  assert.ok(verdict, 'a stored verdict');
  assert.equal(verdict.culprit, shot.culprit, 'the stored verdict names the culprit');
  assert.equal(verdict.headline.key, shot.headline, 'the headline message the decision table gives this culprit');
  const { params } = verdict.headline;
  const vendor = params.vendor === undefined ? {} : { vendor: vendorName(String(params.vendor)) };
  return say(shot.headline, { ...params, ...vendor });
}

/** @param {Driver} driver @param {'en' | 'ko'} lang */
const setLanguage = (driver, lang) =>
  driver.ext(
    (l) => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ settings: { language: l, version: 1 } }),
    lang,
  );

/**
 * Shoots the popup of `tabId` in each language and checks each file. Leaves the language setting removed (the
 * default), as the rest of the table expects.
 * @param {Driver} driver @param {number} tabId @param {Shot} shot
 * @returns {Promise<string[]>} the files written, relative to the repository
 */
export async function shootPopups(driver, tabId, shot) {
  const dir = path.join(ROOT, 'artifacts', 'screenshots', driver.name);
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  try {
    for (const lang of LANGUAGES) {
      const want = await expectedHeadline(driver, tabId, shot, lang);
      await setLanguage(driver, lang);
      const file = path.join(dir, `popup-${shot.culprit}-${lang}.png`);
      fs.rmSync(file, { force: true }); // a stale file from an earlier run must not pass the checks below
      await shootOne(driver, `popup.html?tab=${tabId}`, want, lang, file);
      const bytes = fs.readFileSync(file);
      const { width, height } = pngSize(bytes);
      assert.equal(width, WIDTH, `${file}: width`);
      assert.ok(height >= 100 && height <= 4000, `${file}: height ${height}`);
      written.push(path.relative(ROOT, file));
      const docName = `${shot.culprit}-${lang}`;
      if (process.env.CULPRIT_DOCS_SCREENSHOTS === '1' && DOCS[driver.name]?.includes(docName)) {
        fs.copyFileSync(file, path.join(ROOT, 'docs', 'screenshots', `popup-${docName}-${driver.name}.png`));
      }
    }
  } finally {
    await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.sync.remove('settings'));
  }
  return written;
}

/**
 * Playwright and Puppeteer name this differently.
 * @param {Driver} driver @param {AnyPage} page @param {number} height
 */
const fitViewport = (driver, page, height) => {
  const viewport = { width: WIDTH, height };
  return driver.name === 'chromium'
    ? /** @type {import('playwright-core').Page} */ (page).setViewportSize(viewport)
    : /** @type {import('puppeteer-core').Page} */ (page).setViewport(viewport);
};

/**
 * @param {Driver} driver @param {string} popupPath @param {string} want the headline to wait for
 * @param {'en' | 'ko'} lang @param {string} file
 */
async function shootOne(driver, popupPath, want, lang, file) {
  const page = await driver.openExtensionTab(popupPath, () =>
    driver.ext(async (p) => {
      const api = globalThis.browser ?? globalThis.chrome;
      await api.tabs.create({ url: api.runtime.getURL(p), active: true });
    }, popupPath),
  );
  try {
    await fitViewport(driver, page, 120);
    const shown = () =>
      page.evaluate(() => ({
        headline: document.querySelector('[data-culprit-root] .headline h1')?.textContent ?? null,
        lang: document.documentElement.lang,
      }));
    await waitFor(
      `${driver.name}: popup headline in ${lang}: ${want}`,
      shown,
      (s) => s.headline === want && s.lang === lang,
      { timeoutMs: 8_000 },
    );
    await assertTextRendered(page, `${driver.name}: popup in ${lang}`);
    // As tall as the content, like the real popup. Not a full-page capture: Firefox would keep the short viewport's
    // scrollbar out of the width (408 px).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await fitViewport(driver, page, height);
    await withTimeout(`${driver.name}: screenshot ${file}`, page.screenshot({ path: file }), 15_000);
  } finally {
    await page.close().catch(() => undefined);
  }
}
