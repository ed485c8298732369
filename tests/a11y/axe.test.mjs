// Accessibility: axe-core in Chromium on the popup (one tab per culprit), the options and the history page, in
// English and Korean, light and dark. Fails on any serious or critical violation. Needs `npm run build:e2e` first.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openExtensionPage, openSite, SITE_NAMES, setLanguage, startFakeWeb, tabStops } from './harness.mjs';

/** Injected through the DevTools protocol: extension pages' CSP ('script-src self') refuses an inline <script>. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** @type {('en' | 'ko')[]} */
const LANGUAGES = ['en', 'ko'];
/** @type {('light' | 'dark')[]} */
const SCHEMES = ['light', 'dark'];

/**
 * @param {import('playwright-core').Page} page
 * @returns the serious and critical violations, each as "rule: target (summary)".
 */
async function audit(page) {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(results.passes.length + results.violations.length > 10, 'axe ran its rules');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} [${v.impact}]: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`,
      ),
    );
}

/** @type {Awaited<ReturnType<typeof startFakeWeb>>} */
let web;
/** @type {import('./harness.mjs').A11yBrowser} */
let browser;
/** The tab showing each culprit's site. @type {Partial<Record<(typeof SITE_NAMES)[number], number | undefined>>} */
const tabs = {};

before(async () => {
  web = await startFakeWeb();
  browser = await launch(web);
  for (const name of SITE_NAMES) tabs[name] = (await openSite(browser, name)).tabId;
});
after(async () => {
  await browser?.close();
  await web?.close();
});

for (const language of LANGUAGES) {
  describe(`axe (${language})`, () => {
    before(() => setLanguage(browser, language));
    for (const scheme of SCHEMES) {
      for (const name of SITE_NAMES) {
        it(`popup, ${name} culprit, ${scheme}`, async () => {
          const page = await openExtensionPage(browser, `popup.html?tab=${tabs[name]}`, { colorScheme: scheme });
          try {
            assert.equal(await page.getAttribute('html', 'lang'), language);
            // The page under audit must be the culprit it claims to be, or the audit covers less than it says.
            assert.equal(await page.getAttribute('[data-culprit-root]', 'data-culprit'), name === 'none' ? '' : name);
            assert.deepEqual(await audit(page), []);
          } finally {
            await page.close();
          }
        });
      }
      for (const file of ['options.html', 'history.html']) {
        it(`${file}, ${scheme}`, async () => {
          const page = await openExtensionPage(browser, file, { colorScheme: scheme, width: 800 });
          try {
            assert.deepEqual(await audit(page), []);
          } finally {
            await page.close();
          }
        });
      }
    }
  });
}

describe('popup while a check runs', () => {
  before(() => setLanguage(browser, 'en'));
  it('"Check this site" shows each source as checking, then filled in; axe-clean meanwhile', async () => {
    const page = await openExtensionPage(browser, `popup.html?tab=${tabs.none}`);
    try {
      await page.click('[data-action="check-site"]');
      await page.waitForSelector('.sources li[data-state="running"]', { timeout: 3000 });
      assert.equal(await page.getAttribute('[data-action="check-site"]', 'aria-disabled'), 'true');
      assert.deepEqual(await audit(page), []);
      await page.waitForSelector('[data-culprit-root][data-culprit="none"][aria-busy="false"]', { timeout: 8000 });
      assert.equal(await page.locator('.sources li[data-state="running"]').count(), 0);
      assert.ok((await page.locator('.sources li[data-source="origin-probe"][data-state="ok"]').count()) === 1);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard and reflow', () => {
  before(() => setLanguage(browser, 'ko'));
  it('Tab walks the popup in reading order, and every stop shows a focus ring', async () => {
    const page = await openExtensionPage(browser, `popup.html?tab=${tabs.site}`);
    try {
      const stops = await tabStops(page, 12);
      assert.deepEqual(
        stops.map((s) => s.id),
        [
          'copy-ray',
          'check-again',
          'archive',
          'vendor-status',
          'site-status',
          'watch',
          '/history.html',
          '/options.html',
        ],
      );
      assert.deepEqual(
        stops.filter((s) => !s.ring),
        [],
      );
    } finally {
      await page.close();
    }
  });

  it('Korean popups reflow in 320 CSS px (200% zoom of the popup) without horizontal scrolling', async () => {
    for (const name of SITE_NAMES) {
      const page = await openExtensionPage(browser, `popup.html?tab=${tabs[name]}`, { width: 320 });
      try {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.equal(overflow, 0, `${name} overflows by ${overflow}px`);
      } finally {
        await page.close();
      }
    }
  });
});
