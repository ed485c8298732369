// The CDN radar as a diagnosis source (src/background/radar.ts, src/core/radar/) against the real peer service
// (server/), which a simulated crowd fills (../fakes/radar-crowd.mjs). With the radar `normal`, a Cloudflare 500 keeps
// the verdict it gets with no radar at all; once twelve Cloudflare sites fail from twelve networks, the same page is
// `cdn-radar` with the radar's evidence and the popup's "Cloudflare right now" line; with the radar refusing
// connections its source reads `failed` and the page keeps its own CDN verdict. Peer reports stay off: the radar names
// no site, so it is asked anyway. The cases run in this order, and last in the suite, because reports cannot be taken
// back.
/** @import { Verdict } from '../../../src/core/diagnose/types.ts' */
/** @import { Settings } from '../../../src/shared/settings.ts' */
/** @import { Driver } from '../harness/types.d.ts' */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PEER_ENDPOINT } from '../fakes/peer-service.mjs';
import { postCrowd, radarOf } from '../fakes/radar-crowd.mjs';
import { en } from '../harness/messages.mjs';
import { waitFor } from '../harness/wait.mjs';
import { REFUSED_HOST } from '../scenarios/table.mjs';
import { openExtensionPage, openFailing } from './helpers.mjs';
import { settled } from './settled-verdict.mjs';
import { SITES } from './sites.mjs';

const VENDOR = 'Cloudflare';
/** Seven sites failing at ICN (the page's colo: an outage there) and five at NRT (elevated), each on its own network. */
const CROWD = [
  ...Array.from({ length: 7 }, (_, i) => ({ site: `crowd-icn-${i}.example`, colo: 'ICN' })),
  ...Array.from({ length: 5 }, (_, i) => ({ site: `crowd-nrt-${i}.example`, colo: 'NRT' })),
].map((report) => ({ ...report, vendor: 'cloudflare', kind: 'edge-error' }));
/** How long the service may take to publish what it was sent: its radar is rebuilt at most every 5 s (server/app.ts). */
const PUBLISH_TIMEOUT_MS = 20_000;

/**
 * Runs `body` with these settings over the stored ones (peer reports left as they are: off by default), then puts the
 * stored row back as it was, so the other tests start from their own.
 * @param {Driver} driver @param {Partial<Settings>} overrides @param {() => Promise<void>} body
 */
async function withSettings(driver, overrides, body) {
  const before = await driver.ext(
    async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('settings')).settings,
  );
  await driver.ext(
    ([row, changes]) =>
      (globalThis.browser ?? globalThis.chrome).storage.sync.set({ settings: { version: 1, ...row, ...changes } }),
    [before ?? {}, overrides],
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
async function diagnose(driver, done, what) {
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
const radarSettled = (v) => ['ok', 'failed', 'timeout'].includes(v.sources.radar?.state ?? '');

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
const decided = (v) => ({ rule: v.rule, culprit: v.culprit, confidence: v.confidence, acknowledged: v.acknowledged });

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function radarTests(ctx) {
  /** The page's verdict with the radar turned off: what a radar that decides nothing must not change. */
  let withoutRadar = /** @type {ReturnType<typeof decided> | null} */ (null);

  it('CDN radar normal: a Cloudflare 500 keeps the verdict it gets without the radar, and the popup says so', async () => {
    const { driver, peers } = ctx;
    await withSettings(driver, { cdnRadar: false, peerEndpoints: [PEER_ENDPOINT] }, async () => {
      const alone = await diagnose(driver, (v) => v.sources.radar?.state === 'skipped', 'the radar off');
      withoutRadar = decided(alone.verdict);
      assert.deepEqual(
        { radarState: alone.shown.radarState, source: alone.shown.source },
        { radarState: null, source: null },
      );
    });
    assert.ok(withoutRadar);
    assert.deepEqual(
      { rule: withoutRadar.rule, culprit: withoutRadar.culprit },
      { rule: 'cdn-edge-page', culprit: 'cdn' },
      "today's verdict on a confirmed Cloudflare 500",
    );

    assert.equal((await radarOf(peers.port, 'cloudflare')).vendor.state, 'normal', 'nobody has reported yet');
    await withSettings(driver, { cdnRadar: true, peerEndpoints: [PEER_ENDPOINT] }, async () => {
      const { verdict, shown } = await diagnose(driver, radarSettled, 'radar asked');
      assert.deepEqual(
        { ...decided(verdict), radar: verdict.sources.radar?.state, state: verdict.radar?.state },
        { ...withoutRadar, radar: 'ok', state: 'normal' },
      );
      assert.deepEqual(
        { rule: shown.rule, radarState: shown.radarState, radarLine: shown.radarLine, evidence: shown.evidence },
        {
          rule: 'cdn-edge-page',
          radarState: 'normal',
          radarLine: en('radar_normal', { vendor: VENDOR }),
          evidence: [en('ev_radarNormal', { vendor: VENDOR })],
        },
      );
      assert.equal(shown.source, 'ok');
    });
  });

  it('CDN radar outage: after twelve sites fail from twelve networks, the same page is cdn-radar with the radar evidence', async () => {
    const { driver, peers } = ctx;
    await postCrowd(peers.port, CROWD);
    const published = await waitFor(
      'the radar service to publish a Cloudflare outage, at ICN too',
      () => radarOf(peers.port, 'cloudflare'),
      (d) => d.vendor.state === 'outage' && d.cells.find((cell) => cell.colo === 'ICN')?.state === 'outage',
      { timeoutMs: PUBLISH_TIMEOUT_MS, intervalMs: 500 },
    );
    // The earlier peer tests' own report (one site from loopback) may count too, at half weight: an origin error.
    const count = published.vendor.sites.m15;
    assert.ok(count >= CROWD.length && count <= CROWD.length + 1, `each crowd site counted once: ${count}`);
    assert.deepEqual(published.vendor.colos, ['ICN', 'NRT'], 'ICN in outage, NRT elevated below the outage floor');

    await withSettings(driver, { cdnRadar: true, peerEndpoints: [PEER_ENDPOINT] }, async () => {
      const { verdict, shown } = await diagnose(driver, radarSettled, 'radar asked');
      assert.deepEqual(
        { rule: verdict.rule, culprit: verdict.culprit, acknowledged: verdict.acknowledged },
        { rule: 'cdn-radar', culprit: 'cdn', acknowledged: 'no' },
      );
      const { series = [], ...facts } = verdict.radar ?? {};
      assert.deepEqual(facts, {
        vendor: 'cloudflare',
        state: 'outage',
        sites15: count,
        colos: ['ICN', 'NRT'],
        coloState: 'outage',
      });
      assert.deepEqual(
        series,
        published.series.map((point) => point.sites),
        'the last hour as published, the crowd in its last five minutes',
      );

      assert.deepEqual(
        {
          culprit: shown.culprit,
          headline: shown.headline,
          ack: shown.ack,
          radarState: shown.radarState,
          radarLine: shown.radarLine,
          evidence: shown.evidence,
        },
        {
          culprit: 'cdn',
          headline: en('verdict_cdnRadar', { vendor: VENDOR }),
          ack: en('ack_no', { vendor: VENDOR }),
          radarState: 'outage',
          radarLine: `${en('radar_outage', { vendor: VENDOR, count })} (ICN, NRT)`,
          evidence: [en('ev_radarOutage', { count, vendor: VENDOR, colos: 'ICN, NRT' })],
        },
      );
      assert.equal(shown.chart, en('radar_chart', { vendor: VENDOR, points: series.join(', ') }));
    });
  });

  it('CDN radar refusing connections: its source reads failed, and the page keeps its own CDN verdict', async () => {
    const { driver } = ctx;
    const today = withoutRadar;
    assert.ok(today, "today's verdict, from the first radar test");
    const { confidence: todayConfidence, ...without } = today;
    const refused = `https://${REFUSED_HOST}:${ctx.closedPort}/v1`;
    await withSettings(driver, { cdnRadar: true, peerEndpoints: [refused] }, async () => {
      const { verdict, shown } = await diagnose(driver, radarSettled, 'radar asked');
      const { confidence, ...rest } = decided(verdict);
      assert.deepEqual(
        { ...rest, radar: verdict.sources.radar?.state, facts: verdict.radar },
        { ...without, radar: 'failed', facts: null },
        'a radar that cannot be read is not "all clear": the page keeps its own verdict',
      );
      assert.ok(confidence < todayConfidence, `a failed source lowers confidence (${confidence})`);
      assert.deepEqual(
        { source: shown.source, radarState: shown.radarState, evidence: shown.evidence, culprit: shown.culprit },
        { source: 'failed', radarState: null, evidence: [], culprit: 'cdn' },
      );
    });
  });
}
