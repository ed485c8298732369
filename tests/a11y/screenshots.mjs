// Screenshots of the popup, one per culprit the fake web can produce, in English and Korean, plus the live check and
// dark mode, 420 px wide: all of them in artifacts/screenshots/ (to look at), the ones README shows also in
// docs/screenshots/ (committed). Needs `npm run build:e2e` first. Run: npm run screenshots
// `npm run screenshots -- firefox`: Firefox's come from the e2e scenario suite, which shoots every culprit in both
// languages in each browser anyway (tests/e2e/scenarios/popup-shots.mjs); this runs it and has it copy README's Firefox ones.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertTextRendered } from '../e2e/harness/rendered-text.mjs';
import { launch, openExtensionPage, openSite, SITE_NAMES, setLanguage, startFakeWeb } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALL = path.join(ROOT, 'artifacts', 'screenshots');
const DOCS = path.join(ROOT, 'docs', 'screenshots');
/** What README shows: every culprit once, both languages, dark mode and the live check; small enough to commit. */
const KEY = new Set([
  'site-en',
  'site-ko',
  'cdn-en',
  'blocked-ko',
  'browser-en',
  'network-ko',
  'none-en',
  'site-en-dark',
  'checking-en',
]);
for (const dir of [ALL, DOCS]) fs.mkdirSync(dir, { recursive: true });
if (process.argv.includes('firefox')) {
  const env = { ...process.env, CULPRIT_DOCS_SCREENSHOTS: '1' };
  const run = spawnSync(process.execPath, ['tests/e2e/run.mjs', 'firefox', '--no-build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  process.exit(run.status ?? 1);
}

const web = await startFakeWeb();
const browser = await launch(web);
try {
  /** @type {Partial<Record<(typeof SITE_NAMES)[number], number | undefined>>} */
  const tabs = {};
  for (const name of SITE_NAMES) tabs[name] = (await openSite(browser, name)).tabId;
  /**
   * @param {string} shot @param {(typeof SITE_NAMES)[number]} name
   * @param {{ colorScheme?: 'light' | 'dark', act?: (page: import('playwright-core').Page) => Promise<void> }} [options]
   */
  const shoot = async (shot, name, { colorScheme = 'light', act } = {}) => {
    // A short viewport: the full-page capture is then as tall as the popup's content, like the real popup.
    const page = await openExtensionPage(browser, `popup.html?tab=${tabs[name]}`, { colorScheme, height: 120 });
    await act?.(page);
    await assertTextRendered(page, `popup ${shot}`);
    const file = `popup-${shot}.png`;
    await page.screenshot({ path: path.join(ALL, file), fullPage: true });
    await page.close();
    if (KEY.has(shot)) fs.copyFileSync(path.join(ALL, file), path.join(DOCS, file));
    console.log(`${KEY.has(shot) ? 'docs' : 'artifacts'}/screenshots/${file}`);
  };
  for (const language of /** @type {const} */ (['en', 'ko'])) {
    await setLanguage(browser, language);
    for (const name of SITE_NAMES) await shoot(`${name}-${language}`, name);
  }
  await setLanguage(browser, 'en');
  await shoot('site-en-dark', 'site', { colorScheme: 'dark' });
  await shoot('checking-en', 'none', {
    act: async (page) => {
      await page.click('[data-action="check-site"]');
      await page.waitForSelector('.sources li[data-state="running"]');
      await page.mouse.move(0, 0); // no hover or focus artefacts beyond the pressed button's ring
    },
  });
} finally {
  await browser.close();
  await web.close();
}
