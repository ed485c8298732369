// Peer reports (src/background/peers.ts, src/core/peer/client.ts) against the real service (server/, ../fakes/peer-service.mjs):
// turned on in the options page (on Firefox that click also asks Firefox's data-collection consent, granted without
// a prompt by the launch pref extensions.webextOptionalPermissionPrompts=false), a corroborated 522 is reported and
// stored, a later check shows it as evidence, and the popup's "Report this problem" sends a report with a real click;
// turned off, the service hears nothing at all and the popup offers no button.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PEER_ENDPOINT, siteHash } from '../fakes/peer-service.mjs';
import { SITES } from './sites.mjs';
import {
  closeAll,
  openExtensionPage,
  reloadPage,
  storedSettings,
  texts,
  waitTexts,
  waitVerdict,
  openFailing,
} from './helpers.mjs';
import { en } from '../harness/messages.mjs';
import { pollUntil, sleep, waitFor } from '../harness/wait.mjs';

/** The CDN radar's question: the failing page's CDN by name, never the site (src/core/radar/radar-client.ts). */
const RADAR_REQUEST = 'GET /v1/cdn/cloudflare';

const PEER_BOX = 'input[aria-describedby="peer-hint"]';
const PLACEHOLDER = 'https://peers.culprit-ext.org/v1';
/** The service answers lookups with Cache-Control max-age=30, so a check within 30 s of the last may reuse that answer. */
const LOOKUP_CACHE_MS = 30_000;

/**
 * Firefox's data-collection consent for peer reports (Chromium has no such consent: always true).
 * @param {import('../harness/types.d.ts').Driver} driver
 */
const consent = (driver) =>
  driver.name === 'firefox'
    ? driver.ext(() =>
        (globalThis.browser ?? globalThis.chrome).permissions.contains({
          data_collection: ['browsingActivity', 'technicalAndInteraction'],
        }),
      )
    : Promise.resolve(true);

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function peerTests(ctx) {
  it('peers on: set up in the options page, a corroborated 522 is reported to the service and shown as evidence later', async () => {
    const { driver, peers } = ctx;
    /** @type {import('../harness/types.d.ts').AnyPage[]} */
    const pages = [];
    try {
      const options = await openExtensionPage(driver, 'options.html');
      pages.push(options);
      await options.waitForSelector(PEER_BOX, { timeout: 8_000 });
      await options.click(PEER_BOX);
      await waitFor(
        `${driver.name}: peer reports on, with consent`,
        async () => [(await storedSettings(driver))?.peerReports, await consent(driver)],
        ([on, granted]) => on === true && granted === true,
        { timeoutMs: 5_000 },
      );
      await options.click(`button[aria-label="${en('options_endpointRemove', { url: PLACEHOLDER })}"]`);
      await options.type('#endpoint-new', PEER_ENDPOINT);
      await options.click('#endpoint-new ~ button[type="submit"]');
      await waitFor(
        `${driver.name}: the endpoint list to be [${PEER_ENDPOINT}]`,
        () => storedSettings(driver),
        (s) => JSON.stringify(s?.peerEndpoints) === JSON.stringify([PEER_ENDPOINT]),
        { timeoutMs: 5_000 },
      );

      const { site, url } = SITES.peerOn;
      const hash = siteHash(site);
      const { page, tabId } = await openFailing(driver, url);
      pages.push(page);
      const first = await waitVerdict(
        driver,
        tabId,
        (v) => v.rule === 'site-origin' && v.sources.peers?.state === 'ok',
        'site-origin, peers asked',
      );
      await waitFor(
        `${driver.name}: the report to reach the service`,
        async () => peers.requests,
        (r) => r.includes('POST /v1/reports'),
        { timeoutMs: 5_000 },
      );
      const entry = await waitFor(
        `the service to list ${site} under /v1/prefix/${hash.slice(0, 4)}`,
        () => peers.entryFor(site),
        /** @returns {e is import('../fakes/peer-service.mjs').PeerEntry} */ (e) => e?.count15 === 1,
        { timeoutMs: 15_000, intervalMs: 500 },
      );
      assert.deepEqual(
        { count15: entry.count15, count60: entry.count60, state: entry.state },
        { count15: 1, count60: 1, state: 'normal' },
      );
      assert.ok(
        peers.requests.every(
          (r) =>
            r === 'POST /v1/reports' ||
            r === `GET /v1/prefix/${hash.slice(0, 4)}` ||
            r === RADAR_REQUEST ||
            r.startsWith('OPTIONS '),
        ),
        `only the bucket, the report and the CDN radar, never the host: ${JSON.stringify(peers.requests)}`,
      );

      // A later diagnosis ("Check again") reads the report back: once the first lookup's cached answer has expired.
      const popup = await openExtensionPage(driver, `popup.html?tab=${tabId}`);
      pages.push(popup);
      const evidence = en('ev_peersNoRatio', { count: 1 });
      const startedAt = Date.now();
      const seen = await pollUntil(
        async () => {
          const before = await driver.verdict(tabId);
          assert.ok(before, 'a stored verdict to check again');
          const previous = before.verdict.decidedAt;
          await popup.click('[data-action="check-again"]');
          await waitFor(
            `${driver.name}: the check to finish`,
            async () => (await driver.verdict(tabId))?.verdict?.decidedAt ?? 0,
            (at) => at > previous,
            { timeoutMs: 8_000 },
          );
          await sleep(300);
          return texts(popup, '.evidence li[data-source="peers"] span:not(.source)');
        },
        (t) => t.includes(evidence),
        { timeoutMs: LOOKUP_CACHE_MS + 10_000, intervalMs: 2_000 },
      );
      assert.deepEqual(seen.value, [evidence], `popup evidence from peers (first verdict at ${first.decidedAt})`);
      const stored = (await driver.verdict(tabId))?.verdict.evidence.find((e) => e.source === 'peers');
      assert.deepEqual(stored?.observed, { key: 'ev_peersNoRatio', params: { count: 1 } });
      console.log(
        `# ${driver.name}: peer evidence shown ${Date.now() - first.decidedAt} ms after the first verdict (${Date.now() - startedAt} ms of checking)`,
      );

      // "Report this problem": the automatic report is already in, so the popup says when instead of offering it.
      const [reportedPrefix = ''] = en('popup_reported', { time: '' }).split(' ');
      await waitTexts(
        popup,
        '[data-peer-report="reported"]',
        (t) => t.length === 1 && (t[0] ?? '').startsWith(reportedPrefix),
        'the popup to say the site was reported',
      );
      assert.equal(await popup.$('[data-action="report-problem"]'), null);
      // Ten minutes later (the browser's record of it dropped) the button is back; a real click sends a real report.
      await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('peer:reported'));
      await reloadPage(popup, '[data-action="report-problem"]');
      const posts = () => peers.requests.filter((r) => r === 'POST /v1/reports').length;
      const postsBefore = posts();
      await popup.click('[data-action="report-problem"]');
      await waitFor(
        `${driver.name}: the pressed report to reach the service`,
        async () => posts(),
        (n) => n === postsBefore + 1,
        { timeoutMs: 5_000 },
      );
      await waitTexts(
        popup,
        '[data-peer-report="reported"]',
        (t) => t.length === 1,
        'the popup to say the site was reported after the press',
      );
      assert.equal(await popup.$('[data-action="report-problem"]'), null, 'pressed once, the button goes');
    } finally {
      await closeAll(pages);
    }
  });

  it('peers off: turned off in the options page, a failure sends the service no lookup and no report', async () => {
    const { driver, peers } = ctx;
    /** @type {import('../harness/types.d.ts').AnyPage[]} */
    const pages = [];
    try {
      const options = await openExtensionPage(driver, 'options.html');
      pages.push(options);
      await options.waitForSelector(`${PEER_BOX}:checked`, { timeout: 8_000 });
      await options.click(PEER_BOX);
      await waitFor(
        `${driver.name}: peer reports off, consent withdrawn`,
        async () => [(await storedSettings(driver))?.peerReports, await consent(driver)],
        ([on, granted]) => on === false && (driver.name === 'chromium' || granted === false),
        { timeoutMs: 5_000 },
      );
      assert.deepEqual(
        (await storedSettings(driver))?.peerEndpoints,
        [PEER_ENDPOINT],
        'the endpoint stays; only the switch is off',
      );

      const before = peers.requests.length;
      const { page, tabId } = await openFailing(driver, SITES.peerOff.url);
      pages.push(page);
      await waitVerdict(driver, tabId, (v) => v.rule === 'site-origin', 'site-origin');
      assert.equal((await driver.verdict(tabId))?.verdict.sources.peers?.state, 'skipped');
      await sleep(2_000); // reports go out after the verdict
      // The CDN radar may still ask, since it names only the CDN (PRIVACY.md, cdn-radar); nothing else may.
      assert.deepEqual(
        peers.requests.slice(before).filter((r) => r !== RADAR_REQUEST),
        [],
        'no lookup or report reached the service',
      );
      assert.equal(await peers.entryFor(SITES.peerOff.site), null);
      const popup = await openExtensionPage(driver, `popup.html?tab=${tabId}`);
      pages.push(popup);
      await popup.waitForSelector('[data-action="check-again"]', { timeout: 8_000 });
      assert.equal(
        await popup.$('[data-action="report-problem"]'),
        null,
        'no "Report this problem" while peer reports are off',
      );
    } finally {
      await closeAll(pages);
    }
  });
}
