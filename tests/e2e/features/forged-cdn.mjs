// A CDN outage nobody can forge (src/core/diagnose/correlation.ts, correlation-key.ts): hosts that answer with
// Cloudflare's branded 500 and forged Cloudflare headers neither make a CDN-wide verdict or notification nor enter
// the failure log, so a genuine failure on an unrelated site afterwards keeps its own verdict.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FORGED } from './sites.mjs';
import { closeAll, QUIET_AFTER_VERDICT_MS, session, waitVerdict } from './helpers.mjs';
import { en } from '../harness/messages.mjs';
import { sleep, waitFor } from '../harness/wait.mjs';

/** The verdicts a Cloudflare-branded 500 can get once the page itself has been read. */
const EDGE_RULES = ['cdn-edge-page', 'cdn-correlated'];
const CDN_WIDE_TITLE = en('verdict_cdnCorrelated', { vendor: 'Cloudflare' });

/** @param {import('../harness/types.d.ts').Driver} driver */
async function failureLog(driver) {
  return /** @type {{ site: string, chain: string }[] | undefined} */ (await session(driver, 'failures')) ?? [];
}
/** @param {import('../harness/types.d.ts').Driver} driver */
const failureSites = async (driver) => (await failureLog(driver)).map((r) => r.site);

/**
 * Opens each forged site in turn and returns the rule of the verdict each page got once it was read.
 * @param {import('./suite.mjs').FeatureContext} ctx @param {{ url: string }[]} sites
 * @param {import('../harness/types.d.ts').AnyPage[]} pages filled with what was opened, for the caller to close
 */
async function visitForged(ctx, sites, pages) {
  const { driver } = ctx;
  const rules = [];
  for (const [i, site] of sites.entries()) {
    const opened = await driver.open(site.url);
    pages.push(opened.page);
    const what = `visit ${i + 1}, ${site.url}: the verdict on its Cloudflare 500 page`;
    rules.push((await waitVerdict(driver, opened.tabId, (v) => EDGE_RULES.includes(v.rule), what)).rule);
  }
  return rules;
}

/** @param {import('./suite.mjs').FeatureContext} ctx */
export function forgedCdnTests(ctx) {
  it('forged CDN outage: three *.pages.dev hosts answering 200 with a Cloudflare 500 page stay one page each', async () => {
    const { driver, spy } = ctx;
    await spy.install();
    await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));
    /** @type {import('../harness/types.d.ts').AnyPage[]} */
    const pages = [];
    try {
      const rules = await visitForged(ctx, FORGED.pagesDev, pages);
      assert.deepEqual(
        rules,
        ['cdn-edge-page', 'cdn-edge-page', 'cdn-edge-page'],
        'each page is its own, none CDN-wide',
      );
      await sleep(QUIET_AFTER_VERDICT_MS);
      const titles = ((await spy.created()) ?? []).map((n) => n.title);
      assert.ok(!titles.includes(CDN_WIDE_TITLE), `no CDN-wide notification, got ${JSON.stringify(titles)}`);
      assert.deepEqual(await failureSites(driver), [], 'a 200 page never enters the failure log');
    } finally {
      await closeAll(pages);
    }
  });

  it('forged CDN outage: after three failures the re-fetch does not confirm, a genuine 522 is the site', async () => {
    const { driver, spy } = ctx;
    await spy.install();
    await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));
    /** @type {import('../harness/types.d.ts').AnyPage[]} */
    const pages = [];
    try {
      await visitForged(ctx, FORGED.refetchFine, pages);
      const genuine = await driver.open(FORGED.genuine.url);
      pages.push(genuine.page);
      const verdict = await waitVerdict(
        driver,
        genuine.tabId,
        (v) => ['site-origin', 'cdn-correlated'].includes(v.rule),
        'the genuine 522',
      );
      assert.equal(verdict.rule, 'site-origin', "the genuine 522 gets the site's own verdict");
      assert.equal(verdict.culprit, 'site');
      await sleep(QUIET_AFTER_VERDICT_MS);
      const titles = ((await spy.created()) ?? []).map((n) => n.title);
      assert.ok(!titles.includes(CDN_WIDE_TITLE), `no CDN-wide notification, got ${JSON.stringify(titles)}`);
      assert.deepEqual(
        await failureSites(driver),
        [new URL(FORGED.genuine.url).hostname],
        'only the failure the re-fetch confirmed is logged',
      );
    } finally {
      await closeAll(pages);
    }
  });

  it('forged CDN outage: a failing page that redirects through two more failing domains counts once', async () => {
    const { driver } = ctx;
    await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));
    const hosts = FORGED.chain.map((s) => new URL(s.url).hostname);
    /** @type {import('../harness/types.d.ts').AnyPage[]} */
    const pages = [];
    try {
      pages.push((await driver.open(/** @type {{ url: string }} */ (FORGED.chain[0]).url)).page);
      const log = await waitFor(
        `${driver.name}: the failure log to hold ${hosts.join(', ')}`,
        () => failureLog(driver),
        (entries) => hosts.every((h) => entries.some((r) => r.site === h)),
        { timeoutMs: 20_000 },
      );
      assert.deepEqual(
        log.map((r) => r.chain),
        hosts.map(() => hosts[0]),
        'every failure is stamped with the page that started the chain',
      );
      const after = await driver.open(FORGED.afterChain.url);
      pages.push(after.page);
      const what = 'an unrelated Cloudflare 500 after the chain';
      const verdict = await waitVerdict(driver, after.tabId, (v) => EDGE_RULES.includes(v.rule), what);
      assert.equal(verdict.rule, 'cdn-edge-page', 'the chain and this site are two sites, not four');
    } finally {
      await closeAll(pages);
    }
  });
}
