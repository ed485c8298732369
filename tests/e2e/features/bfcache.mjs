// A page restored from the back/forward cache (a back/forward commit with no request, seen by
// src/background/reader-injection.ts → tab-events.ts): without it the tab would keep the state and badge of the 522
// page it came back from. The working page gets no reader, so no script in it can say so. It is served without
// `no-store` so that both browsers keep it in the cache.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SITES } from './sites.mjs';
import { closeAll, openFailing } from './helpers.mjs';
import { waitFor } from '../harness/wait.mjs';

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function bfcacheTests(ctx) {
  it('back/forward cache: going back from a 522 to a working page shows the working page again, not the 522', async () => {
    const { driver } = ctx;
    const pages = [];
    try {
      const { page, tabId } = await openFailing(driver, SITES.bfcacheOk.url);
      pages.push(page);
      await waitFor(
        `${driver.name}: the working page's state`,
        () => driver.snapshot(tabId),
        (s) => s.state?.kind === 'none' && s.badge === '',
        { timeoutMs: 5_000 },
      );
      // Only a restored document sees pageshow with persisted = true; a reloaded one starts without this list.
      await page.evaluate(() => {
        const seen = (globalThis.__e2ePageshow = /** @type {boolean[]} */ ([]));
        addEventListener('pageshow', (event) => seen.push(event.persisted));
      });

      await page.goto(SITES.bfcache522.url, { waitUntil: 'load' });
      await waitFor(
        `${driver.name}: the 522's state and badge`,
        () => driver.snapshot(tabId),
        (s) => s.state?.kind === 'origin-error' && s.badge !== '',
        { timeoutMs: 8_000 },
      );

      // A restored page fires no load event, so the wait is for the working page's document, whichever way it came.
      await page.evaluate(() => setTimeout(() => history.back(), 0));
      const okHost = new URL(SITES.bfcacheOk.url).hostname;
      const shown = await waitFor(
        `${driver.name}: the working page back in the tab`,
        () =>
          page
            .evaluate(
              (host) =>
                location.hostname === host && document.readyState === 'complete'
                  ? (globalThis.__e2ePageshow ?? 'reloaded, not restored')
                  : null,
              okHost,
            )
            .catch(() => null),
        (value) => value !== null,
        { timeoutMs: 8_000 },
      );
      assert.deepEqual(shown, [true], 'the working page came back from the back/forward cache');
      const after = await waitFor(
        `${driver.name}: the restored page to replace the 522's state`,
        () => driver.snapshot(tabId),
        (s) => s.state?.kind === 'none' && s.badge === '',
        { timeoutMs: 5_000 },
      );
      assert.ok(after.state);
      assert.equal(new URL(after.state.url).hostname, new URL(SITES.bfcacheOk.url).hostname);
      assert.equal(after.state.status, 200);
    } finally {
      await closeAll(pages);
    }
  });
}
