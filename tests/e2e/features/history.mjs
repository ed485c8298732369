// The incident log (src/background/history.ts, history.html) in a real browser: a failure is listed, the filters narrow
// it, the JSON and CSV exports (real downloads) hold exactly what is shown, and Clear empties it after a confirmation.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { downloadOf } from '../harness/downloads.mjs';
import { SITES } from './sites.mjs';
import {
  clickText,
  closeAll,
  openExtensionPage,
  selectOption,
  send,
  texts,
  waitTexts,
  waitVerdict,
  openFailing,
} from './helpers.mjs';
import { en } from '../harness/messages.mjs';
import { waitFor } from '../harness/wait.mjs';

const today = () => new Date().toISOString().slice(0, 10);

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function historyTests(ctx) {
  it('history: a failure is listed, filtered, exported as JSON and CSV, and cleared', async () => {
    const { driver, downloads } = ctx;
    const host = new URL(SITES.history.url).hostname;
    const { page: site, tabId } = await openFailing(driver, SITES.history.url);
    /** @type {import('../harness/types.d.ts').AnyPage | undefined} */
    let page;
    try {
      await waitVerdict(driver, tabId, (v) => v.rule === 'site-origin', 'site-origin');
      await waitFor(
        `${driver.name}: history/list to hold ${host}`,
        () => send(driver, 'history/list'),
        (list) => list.some((e) => e.host === host),
        { timeoutMs: 5_000 },
      );
      const total = (await send(driver, 'history/list')).length;

      const historyPage = await openExtensionPage(driver, 'history.html');
      page = historyPage;
      await waitTexts(historyPage, 'tbody th', (hosts) => hosts.includes(host), `the history page to list ${host}`);
      await historyPage.type('#filter-text', host);
      await waitTexts(historyPage, 'tbody th', (hosts) => hosts.length === 1, 'the text filter to leave one row');
      assert.deepEqual(await texts(historyPage, 'tbody th'), [host]);
      assert.deepEqual(await texts(historyPage, 'caption'), [en('history_caption', { shown: 1, total })]);
      assert.deepEqual(
        await texts(historyPage, 'tbody tr td:nth-of-type(4)'),
        [en('history_ongoing')],
        'still failing: no end',
      );

      const json = await downloadOf(
        driver,
        historyPage,
        () => clickText(historyPage, 'button', en('history_exportJson')),
        downloads,
      );
      assert.equal(json.name, `culprit-history-${today()}.json`);
      const rows = JSON.parse(json.text);
      assert.equal(rows.length, 1, 'the export holds what is shown');
      const { start, evidence, ...fields } = rows[0];
      assert.deepEqual(fields, {
        host,
        culprit: 'site',
        rule: 'site-origin',
        vendor: 'cloudflare',
        colo: 'CDG',
        end: null,
        hosts: 1,
      });
      assert.ok(Math.abs(Date.parse(start) - Date.now()) < 60_000, `start ${start} is now`);
      assert.ok(evidence.includes(en('ev_origin_origin_error')), `evidence in words: ${JSON.stringify(evidence)}`);

      const csv = await downloadOf(
        driver,
        historyPage,
        () => clickText(historyPage, 'button', en('history_exportCsv')),
        downloads,
      );
      assert.equal(csv.name, `culprit-history-${today()}.csv`);
      const [head, row = '', ...rest] = csv.text.split('\r\n');
      assert.deepEqual(
        [head, ...rest],
        ['host,culprit,rule,vendor,colo,start,end,evidence,hosts', ''],
        'header, one row, CRLF',
      );
      assert.ok(row.startsWith(`"${host}","site","site-origin","cloudflare","CDG","${start}","",`), row);
      assert.ok(row.includes(en('ev_origin_origin_error')), row);
      assert.ok(row.endsWith(',"1"'), `one host: ${row}`);

      await selectOption(driver, historyPage, '#filter-culprit', 'blocked');
      await waitTexts(historyPage, 'tbody th', (hosts) => hosts.length === 0, 'the culprit filter to leave no row');
      assert.equal(
        await historyPage.evaluate(
          (label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)?.disabled,
          en('history_exportJson'),
        ),
        true,
        'nothing shown, nothing to export',
      );

      await clickText(historyPage, 'button', en('history_clear'));
      await clickText(historyPage, 'button', en('history_clearYes'));
      await waitTexts(
        historyPage,
        'main p',
        (t) => t.includes(en('history_empty')),
        'the page to say the log is empty',
      );
      assert.deepEqual(await send(driver, 'history/list'), [], 'the stored log is empty');
    } finally {
      await closeAll([page, site]);
    }
  });
}
