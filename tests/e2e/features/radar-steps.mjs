// Steps of the CDN radar tests (radar.mjs): settings for one case, the Cloudflare 500 page's settled verdict, and
// what the popup shows of the radar.
/** @import { Verdict } from '../../../src/core/diagnose/types.ts' */
/** @import { Settings } from '../../../src/shared/settings.ts' */
/** @import { Driver } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import { waitFor } from '../harness/wait.mjs';
import { openExtensionPage, openFailing } from './helpers.mjs';
import { settled } from './settled-verdict.mjs';
import { SITES } from './sites.mjs';

/**
 * Runs `body` with these settings over the stored ones (peer reports left as they are: off by default) and the popup
 * in English, whatever an earlier test left, then puts the stored row back as it was.
 * @param {Driver} driver @param {Partial<Settings>} overrides @param {() => Promise<void>} body
 */
export async function withSettings(driver, overrides, body) {
  const before = await driver.ext(
    async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('settings')).settings,
  );
  await driver.ext(
    ([row, changes]) =>
      (globalThis.browser ?? globalThis.chrome).storage.sync.set({ settings: { version: 1, ...row, ...changes } }),
    [before ?? {}, { language: 'en', ...overrides }],
  );
  try {
    await body();
  } finally {
    await driver.ext((row) => {
      const sync = (globalThis.browser ?? globalThis.chrome).storage.sync;
      return row === null ? sync.remove('settings') : sync.set({ settings: row });
    }, before ?? null);
  }
}

/**
 * Opens the Cloudflare 500 page in a new tab (with an empty failure log) and returns its settled verdict (the one
 * about the page's own reading, not its headers alone) once `done` holds, and what the popup then shows of it
 * (popupOf). The tab stays open until the popup has been read: the popup is about a tab that exists.
 * @param {Driver} driver @param {(verdict: Verdict) => boolean} done @param {string} what
 */
export async function diagnose(driver, done, what) {
  const opened = await openFailing(driver, SITES.radar500.url);
  try {
    const { state, verdict } = await settled(driver, opened.tabId, what, done);
    assert.equal(state.kind, 'edge-error', "the page's own reading");
    return { verdict, shown: await popupOf(driver, opened.tabId) };
  } finally {
    await opened.page.close().catch(() => undefined);
  }
}

/** Sources that have answered, one way or the other. @param {Verdict} v */
export const radarSettled = (v) => ['ok', 'failed', 'timeout'].includes(v.sources.radar?.state ?? '');

/**
 * What the popup shows of the radar: its "right now" line and chart, the radar's evidence, its row in the sources.
 * @param {Driver} driver @param {number} tabId
 */
async function popupOf(driver, tabId) {
  const popup = await openExtensionPage(driver, `popup.html?tab=${tabId}`);
  try {
    return await waitFor(
      `${driver.name}: the popup for tab ${tabId} to show its verdict and sources`,
      () =>
        popup.evaluate(() => {
          const root = /** @type {HTMLElement | null} */ (document.querySelector('[data-culprit-root]'));
          const radar = /** @type {HTMLElement | null} */ (root?.querySelector('.radar') ?? null);
          const source = /** @type {HTMLElement | null} */ (root?.querySelector('.sources li[data-source="radar"]'));
          return {
            rule: root?.dataset.rule ?? '',
            culprit: root?.dataset.culprit ?? '',
            headline: root?.querySelector('.headline h1')?.textContent ?? '',
            ack: root?.querySelector('.ack')?.textContent ?? null,
            radarState: radar?.dataset.radarState ?? null,
            radarLine: radar?.querySelector('p')?.textContent ?? null,
            chart: radar?.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? null,
            evidence: [...(root?.querySelectorAll('.evidence li[data-source="radar"] span:not(.source)') ?? [])].map(
              (e) => e.textContent ?? '',
            ),
            source: source?.dataset.state ?? null,
          };
        }),
      (shown) => shown.rule !== '',
      { timeoutMs: 8_000 },
    );
  } finally {
    await popup.close().catch(() => undefined);
  }
}

/** The parts of a verdict that say what was decided, to compare one reading of the page with another. @param {Verdict} v */
export const decided = (v) => ({
  rule: v.rule,
  culprit: v.culprit,
  confidence: v.confidence,
  acknowledged: v.acknowledged,
});
