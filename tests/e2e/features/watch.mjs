// "Tell me when it's back" (src/background/watch.ts, src/core/watch/schedule.ts) in a real browser: the popup's button
// starts a watch, a probe while the site still fails backs off, and once the site answers 200 a "back" notification
// goes out and the watch ends. The alarms are fired early (fireWatchAlarm) instead of waiting 30 s and 60 s.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cfOk, SITES } from './sites.mjs';
import {
  alarm,
  closeAll,
  fireWatchAlarm,
  local,
  openExtensionPage,
  send,
  waitTexts,
  waitVerdict,
  openFailing,
} from './helpers.mjs';
import { en } from '../harness/messages.mjs';
import { waitFor } from '../harness/wait.mjs';

const SECOND = 1000;

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function watchTests(ctx) {
  it('watch: started from the popup, backs off while the site fails, notifies "back" once it answers 200, then ends', async () => {
    const { driver, spy, server } = ctx;
    await spy.install();
    const host = new URL(SITES.watch.url).hostname;
    const { page, tabId, url } = await openFailing(driver, SITES.watch.url);
    /** @type {import('../harness/types.d.ts').AnyPage | undefined} */
    let popup;
    try {
      await waitVerdict(driver, tabId, (v) => v.rule === 'site-origin', 'site-origin');
      popup = await openExtensionPage(driver, `popup.html?tab=${tabId}`);
      await popup.waitForSelector('[data-action="watch"]', { timeout: 8_000 });
      assert.equal(
        (await popup.evaluate(() => document.querySelector('[data-action="watch"]')?.textContent))?.trim(),
        en('notify_watch'),
      );
      await popup.click('[data-action="watch"]');
      await waitTexts(
        popup,
        `.watches li[data-host="${host}"] .host-name`,
        (t) => t.length === 1,
        'the popup to list the watch',
      );
      assert.equal(
        await popup.evaluate(() => document.querySelector('[data-action="watch"]')),
        null,
        'the button goes once watched',
      );

      const [watch, ...others] = await send(driver, 'watch/list');
      assert.deepEqual(others, []);
      assert.ok(watch, 'a watch for the site');
      assert.deepEqual(
        { host: watch.host, url: watch.url, tabId: watch.tabId, attempts: watch.attempts },
        { host, url, tabId, attempts: 0 },
      );
      assert.equal(watch.nextAt - watch.startedAt, 30 * SECOND, 'the first probe is due 30 s after the start');
      assert.equal((await alarm(driver, `watch:${host}`))?.scheduledTime, watch.nextAt, 'its alarm is set for then');

      // Still failing: the probe counts and the next one is due 60 s later (back-off).
      const probesBefore = server.hits.get(`${host}/orders`) ?? 0;
      await fireWatchAlarm(driver, host);
      const again = await waitFor(
        `${driver.name}: the watch's first probe to be counted`,
        async () => (await send(driver, 'watch/list'))[0],
        (w) => w?.attempts === 1,
        { timeoutMs: 8_000 },
      );
      assert.ok(again);
      assert.ok((server.hits.get(`${host}/orders`) ?? 0) > probesBefore, 'the probe asked the site itself');
      const delay = again.nextAt - Date.now();
      assert.ok(delay > 50 * SECOND && delay <= 60 * SECOND, `second probe due in ~60 s, got ${delay} ms`);
      assert.deepEqual(
        ((await spy.created()) ?? []).filter((n) => n.id.startsWith('culprit:back:')),
        [],
        'no "back" while it fails',
      );

      server.setRoute(host, cfOk('7a000000000a0005', 'SIN'));
      await fireWatchAlarm(driver, host);
      const note = await spy.waitFor(`culprit:back:${tabId}:${encodeURIComponent(url)}`);
      assert.deepEqual(
        { title: note.title, message: note.message },
        { title: en('notify_backTitle', { host }), message: en('notify_backMessage', { host }) },
      );
      assert.deepEqual(await send(driver, 'watch/list'), [], 'the watch is gone');
      assert.equal(await alarm(driver, `watch:${host}`), null, 'and so is its alarm');
      const history = /** @type {{ host: string, end: number | null }[] | undefined} */ (
        await local(driver, 'history')
      );
      const entry = history?.find((e) => e.host === host);
      assert.equal(typeof entry?.end, 'number', 'the incident is closed in the history');
    } finally {
      server.setRoute(host, SITES.watch.route);
      await closeAll([popup, page]);
    }
  });
}
