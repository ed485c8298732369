// The public radar page in Chromium against the real service, populated by reports: a Cloudflare outage (two data
// centres in outage, one elevated, one under the privacy floor) and an elevated Fastly. Screenshots (artifacts/, and
// docs/screenshots/ with CULPRIT_DOCS_SCREENSHOTS=1), axe in English and Korean, light and dark, a keyboard pass, and
// what the page shows when the API fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertTextRendered } from '../e2e/harness/rendered-text.mjs';
import { tabStops } from './harness.mjs';
import { reportFailingSites, startRadarService } from './radar-service.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Long enough for the page's first two requests on a loaded machine; the page's own bound per attempt is 10 s. */
const RENDER_MS = 15_000;
const SHOT_DIRS = [
  path.join(ROOT, 'artifacts', 'screenshots'),
  ...(process.env.CULPRIT_DOCS_SCREENSHOTS === '1' ? [path.join(ROOT, 'docs', 'screenshots')] : []),
];

/** @type {Awaited<ReturnType<typeof startRadarService>>} */
let service;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  service = await startRadarService();
  const cloudflare = { vendor: 'cloudflare', kind: 'edge-error' };
  await reportFailingSites(service.origin, { ...cloudflare, colo: 'ICN', count: 12 });
  await reportFailingSites(service.origin, { ...cloudflare, colo: 'NRT', count: 6 });
  await reportFailingSites(service.origin, { ...cloudflare, colo: 'CDG', count: 5 });
  await reportFailingSites(service.origin, { ...cloudflare, colo: 'LAX', count: 2 });
  await reportFailingSites(service.origin, { vendor: 'fastly', colo: 'FRA', count: 5 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});
after(async () => {
  await browser?.close();
  await service?.stop();
});

/**
 * The radar page as a reader with these settings sees it, once the first answer is drawn.
 * @param {{ locale?: string, colorScheme?: 'light' | 'dark', width?: number }} [options]
 */
async function openRadar({ locale = 'en-US', colorScheme = 'light', width = 1100 } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${service.origin}/`);
  await page.waitForSelector('[data-status="updated"], [data-status="failed"]', { timeout: RENDER_MS });
  return { page, close: () => context.close() };
}

/** @param {import('playwright-core').Page} page @returns every axe violation, as "rule [impact]: target". */
async function audit(page) {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(results.passes.length + results.violations.length > 10, 'axe ran its rules');
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} [${v.impact}]: ${n.target.join(' ')}`));
}

/** @param {import('playwright-core').Page} page @param {string} name */
async function shoot(page, name) {
  await assertTextRendered(page, name);
  for (const dir of SHOT_DIRS) {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  }
}

describe('radar page, populated', () => {
  for (const [locale, colorScheme, language] of /** @type {const} */ ([
    ['en-US', 'light', 'en'],
    ['ko-KR', 'dark', 'ko'],
  ])) {
    it(`shows the outage, the published colos and the hour (${language}, ${colorScheme}); axe finds nothing`, async () => {
      const { page, close } = await openRadar({ locale, colorScheme });
      try {
        assert.equal(await page.getAttribute('html', 'lang'), language);
        const card = page.locator('[data-vendor="cloudflare"]');
        assert.equal(await card.getAttribute('data-state'), 'outage');
        const colos = await card
          .locator('.colos li')
          .evaluateAll((items) => items.map((li) => `${li.textContent?.slice(0, 3)}:${li.getAttribute('data-state')}`));
        // LAX has two sites: under the privacy floor, so the API leaves it out and so does the page.
        assert.deepEqual(colos, ['ICN:outage', 'NRT:outage', 'CDG:elevated']);
        assert.match((await card.locator('svg[role="img"]').getAttribute('aria-label')) ?? '', /, 25$/);
        assert.equal(await page.getAttribute('[data-vendor="fastly"]', 'data-state'), 'elevated');
        assert.equal(await page.getAttribute('.vendors > li:first-child article', 'data-vendor'), 'cloudflare');
        assert.equal(await page.getAttribute('[data-vendor="akamai"]', 'data-state'), 'normal');
        assert.deepEqual(await audit(page), []);
        await shoot(page, `radar-page-${language}${colorScheme === 'dark' ? '-dark' : ''}`);
      } finally {
        await close();
      }
    });
  }
});

describe('radar page, keyboard', () => {
  it('Tab reaches every control with a visible focus ring, and the language toggle works by keyboard', async () => {
    const { page, close } = await openRadar();
    try {
      const stops = await tabStops(page, 6);
      assert.deepEqual(
        stops.map((s) => s.id),
        ['language', 'refresh', '/openapi.json'],
      );
      assert.deepEqual(
        stops.filter((s) => !s.ring),
        [],
      );
      await page.focus('[data-action="language"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.lang === 'ko', null, { timeout: RENDER_MS });
      assert.equal(await page.textContent('h1'), 'Culprit CDN 레이더');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'language');
      await page.reload();
      await page.waitForSelector('[data-status="updated"]', { timeout: RENDER_MS });
      assert.equal(await page.getAttribute('html', 'lang'), 'ko', 'the choice outlives a reload');
      await page.focus('[data-action="language"]');
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: RENDER_MS });
    } finally {
      await close();
    }
  });
});

describe('radar page, small screens', () => {
  it('reflows in 320 CSS px (a phone, or 400% zoom of 1280 px) without horizontal scrolling, in Korean', async () => {
    const { page, close } = await openRadar({ locale: 'ko-KR', width: 320 });
    try {
      await page.waitForSelector('[data-vendor="cloudflare"]', { timeout: RENDER_MS });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `the page overflows by ${overflow}px`);
    } finally {
      await close();
    }
  });
});

describe('radar page, API failing', () => {
  it('before any answer: says so, and shows no CDN at all rather than a row of "normal"', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.route('**/v1/cdn**', (route) => route.abort('connectionrefused'));
    const page = await context.newPage();
    try {
      await page.goto(`${service.origin}/`);
      const failed = await page.waitForSelector('[data-status="failed"]', { timeout: RENDER_MS });
      assert.match((await failed.textContent()) ?? '', /Could not reach the radar.*No figures to show yet/);
      assert.equal(await page.getAttribute('[data-status="failed"]', 'role'), 'alert');
      assert.equal(await page.locator('article.vendor').count(), 0);
      assert.deepEqual(await audit(page), []);
    } finally {
      await context.close();
    }
  });

  it('after an answer: says the refresh failed and how old the figures shown are', async () => {
    const { page, close } = await openRadar();
    try {
      await page.route('**/v1/cdn**', (route) => route.fulfill({ status: 200, body: '{"ok":true,"data":"garbage"}' }));
      await page.click('[data-action="refresh"]');
      const failed = await page.waitForSelector('[data-status="failed"]', { timeout: RENDER_MS });
      assert.match((await failed.textContent()) ?? '', /Could not reach the radar.*figures below are from/);
      assert.equal(await page.getAttribute('[data-vendor="cloudflare"]', 'data-state'), 'outage');
    } finally {
      await close();
    }
  });
});
