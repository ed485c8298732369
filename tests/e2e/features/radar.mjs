// The CDN radar as a diagnosis source (src/background/radar.ts, src/core/radar/) against the real peer service
// (server/), which a simulated crowd fills (../fakes/radar-crowd.mjs). With the radar `normal`, a Cloudflare 500 keeps
// the verdict it gets with no radar at all; once twelve Cloudflare sites fail from twelve networks, the same page is
// `cdn-radar` with the radar's evidence and the popup's "Cloudflare right now" line; with the radar refusing
// connections its source reads `failed` and the page keeps its own CDN verdict. Peer reports stay off: the radar names
// no site, so it is asked anyway. The cases run in this order, and last in the suite, because reports cannot be taken
// back.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PEER_ENDPOINT } from '../fakes/peer-service.mjs';
import { postCrowd, radarOf } from '../fakes/radar-crowd.mjs';
import { en } from '../harness/messages.mjs';
import { waitFor } from '../harness/wait.mjs';
import { REFUSED_HOST } from '../scenarios/table.mjs';
import { decided, diagnose, radarSettled, withSettings } from './radar-steps.mjs';

const VENDOR = 'Cloudflare';
/** Seven sites failing at ICN (the page's colo: an outage there) and five at NRT (elevated), each on its own network. */
const CROWD = [
  ...Array.from({ length: 7 }, (_, i) => ({ site: `crowd-icn-${i}.example`, colo: 'ICN' })),
  ...Array.from({ length: 5 }, (_, i) => ({ site: `crowd-nrt-${i}.example`, colo: 'NRT' })),
].map((report) => ({ ...report, vendor: 'cloudflare', kind: 'edge-error' }));
/** How long the service may take to publish what it was sent: its radar is rebuilt at most every 5 s (server/app.ts). */
const PUBLISH_TIMEOUT_MS = 20_000;

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
    const whole = Math.floor(count); // what a person is shown
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
        sites15: whole,
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
          radarLine: `${en('radar_outage', { vendor: VENDOR, count: whole })} (ICN, NRT)`,
          evidence: [en('ev_radarOutage', { count: whole, vendor: VENDOR, colos: 'ICN, NRT' })],
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
