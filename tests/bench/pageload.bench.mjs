// `npm run bench:pageload`: what the extension costs a page load. Debian Chromium loads the same pages under four
// configurations, interleaved within every round and in a new order each time: no extension, the production build,
// the production build with the reader left out (VITE_NO_READER=1), and the floor, the same manifest with a worker
// that only listens (pageload-floor.mjs). Each load's loadEventEnd is paired with the same round's load without the
// extension; the median paired ratio and its bootstrap 95 % interval are printed for normal and error pages, with the
// machine's load average (a busy machine widens the intervals). ROUNDS=200 for a full run; not part of `npm test`.
// Error pages get a diagnosis, whose requests to the outside fail at once here (every other name is unresolvable), so
// their figure is a lower bound of the real cost.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { BROWSERS, ROOT } from '../e2e/harness/browsers.mjs';
import { chromiumArgs } from '../e2e/harness/launch-chromium.mjs';
import { buildFloor } from './pageload-floor.mjs';
import { benchPages, startBenchSite } from './pageload-site.mjs';
import { buildTraced, traceLoads } from './pageload-trace.mjs';
import { bootstrapMedian, median } from './pageload-stats.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const WARMUP_ROUNDS = 2;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-pageload-'));

/** A production build (no E2E flag, nor vitest's) into `dir`, with `extra` in its environment. */
async function build(dir, extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITE_|VITEST|NODE_ENV$)/.test(k)));
  await promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, env: { ...env, TARGET: 'chrome', ...extra }, timeout: 120_000 },
  );
  return dir;
}

/** @param {string | null} extension @param {string} rules */
async function launch(extension, rules) {
  const profile = fs.mkdtempSync(path.join(out, 'profile-'));
  const args = extension
    ? chromiumArgs(extension, rules)
    : chromiumArgs('', rules).filter((a) => !/^--(disable-extensions-except|load-extension)=/.test(a));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSERS.chromium.binary,
    headless: true,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args,
  });
  if (extension) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return context;
}

/** How long a settled verdict may take here: every outside name fails at once, so seconds would mean it is lost. */
const VERDICT_WAIT_MS = 20_000;

/**
 * Ms from navigation start until the verdict about `url` is settled (its effects announced), as the worker's
 * storage shows it; polled, so the figure is late by up to one poll.
 */
async function settledVerdictTime(context, url, timeOrigin) {
  const [worker] = context.serviceWorkers();
  const seenAt = await worker.evaluate(
    async ({ url, waitMs }) => {
      const until = Date.now() + waitMs;
      while (Date.now() < until) {
        const all = await chrome.storage.session.get(null);
        const hit = Object.entries(all).some(
          ([k, v]) => k.startsWith('announced:') && v?.subject?.startsWith(`${url}|`),
        );
        if (hit) return Date.now();
        await new Promise((r) => setTimeout(r, 20));
      }
      return null;
    },
    { url, waitMs: VERDICT_WAIT_MS },
  );
  if (seenAt === null) throw new Error(`${url}: no settled verdict within ${VERDICT_WAIT_MS} ms`);
  return seenAt - timeOrigin;
}

/**
 * Loads `url` in a new tab and returns its loadEventEnd (ms from navigation start) and, with `verdict`, the time
 * until its verdict settled.
 */
async function loadTime(context, url, verdict) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // loadEventEnd is written once the load handlers have returned, which may be just after `load` resolves.
    await page
      .waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, null, { timeout: 5_000 })
      .catch(async (err) => {
        const seen = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]));
        throw new Error(`${url}: no loadEventEnd (${seen})`, { cause: err });
      });
    const { load, origin } = await page.evaluate(() => ({
      load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      origin: performance.timeOrigin,
    }));
    return { load, verdict: verdict ? await settledVerdictTime(context, url, origin) : null };
  } finally {
    await page.close();
  }
}

const shuffle = (xs) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const fmt = (x) => x.toFixed(3);
/** @param {number[]} averages */
const loads = (averages) => averages.map((x) => x.toFixed(2)).join(' ');

const pages = benchPages();
const site = await startBenchSite(pages);
const rules = [...site.hosts.map((h) => `MAP ${h} 127.0.0.1:${site.port}`), 'MAP * ~NOTFOUND'].join(',');
const [prod, noReader] = await Promise.all([
  build(path.join(out, 'prod'), {}),
  build(path.join(out, 'no-reader'), { VITE_NO_READER: '1' }),
]);
/** Every configuration, by name: the build it loads (null: no extension). CONFIGS=a,b picks some beside `none`. */
const builds = {
  none: null,
  production: prod,
  'no reader': noReader,
  'listeners only': buildFloor(prod, path.join(out, 'floor'), { webRequest: true }),
  'listeners without webRequest': buildFloor(prod, path.join(out, 'floor-no-webrequest'), { webRequest: false }),
};
const picked = process.env.CONFIGS?.split(',').map((c) => c.trim()) ?? Object.keys(builds).slice(1);
const unknown = picked.filter((c) => !(c in builds) || c === 'none');
if (unknown.length)
  throw new Error(`CONFIGS: unknown ${unknown.join(', ')}; pick from ${Object.keys(builds).slice(1)}`);
const configs = {};
for (const name of ['none', ...picked]) configs[name] = await launch(builds[name], rules);
const loadBefore = os.loadavg();
/** times[page][config] = one loadEventEnd per round */
const times = Object.fromEntries(
  Object.keys(pages).map((p) => [p, Object.fromEntries(Object.keys(configs).map((c) => [c, []]))]),
);
/** verdictTimes[page] = one settled-verdict time per round, production build */
const verdictTimes = Object.fromEntries(Object.keys(pages).map((p) => [p, []]));
let serial = 0;
/** traced[page] = the production worker's calls between that page's response and its load, by kind (one load) */
let traced = {};
try {
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    for (const [name, page] of shuffle(Object.entries(pages))) {
      for (const config of shuffle(Object.keys(configs))) {
        const withVerdict = page.kind === 'error' && config === 'production';
        const got = await loadTime(configs[config], `https://${page.host}/?load=${++serial}`, withVerdict);
        if (round < WARMUP_ROUNDS) continue;
        times[name][config].push(got.load);
        if (withVerdict) verdictTimes[name].push(got.verdict);
      }
    }
    process.stderr.write(`round ${round + 1 - WARMUP_ROUNDS}/${ROUNDS}\r`);
  }
  const urls = Object.fromEntries(
    Object.entries(pages).map(([name, p]) => [name, `https://${p.host}/?trace=${++serial}`]),
  );
  const tracing = await launch(buildTraced(prod, path.join(out, 'traced')), rules);
  traced = await traceLoads(tracing, urls).finally(() => tracing.close());
} finally {
  await Promise.all(Object.values(configs).map((c) => c.close()));
  await site.close();
  fs.rmSync(out, { recursive: true, force: true });
}

const loadAfter = os.loadavg();
console.log(`bench:pageload: ${ROUNDS} rounds (+${WARMUP_ROUNDS} warm-up), ${os.cpus().length} CPUs`);
console.log(`load average (1/5/15 min): before ${loads(loadBefore)}, after ${loads(loadAfter)}`);
console.log(`\nmedian loadEventEnd, ms\n${'page'.padEnd(30)} ${Object.keys(configs).join(' | ')}`);
for (const [name, byConfig] of Object.entries(times)) {
  const m = (c) => median(byConfig[c]).toFixed(1).padStart(Math.min(c.length, 12));
  console.log(`${name.padEnd(30)} ${Object.keys(configs).map(m).join('   ')}`);
}
console.log('\nsettled verdict, production build: ms from navigation start, median [bootstrap 95 % CI]');
for (const [name, ms] of Object.entries(verdictTimes).filter(([, ms]) => ms.length > 0)) {
  const { median: mid, low, high } = bootstrapMedian(ms);
  console.log(`${name.padEnd(30)} ${mid.toFixed(0)} [${low.toFixed(0)}, ${high.toFixed(0)}]`);
}
/** Paired ratios of `config` over `base` for the pages of `kind`, printed as median [bootstrap 95 % CI]. */
function printRatio(label, kind, config, base) {
  const ratios = Object.entries(pages)
    .filter(([, p]) => p.kind === kind)
    .flatMap(([name]) => times[name][config].map((t, i) => t / times[name][base][i]));
  const { median: mid, low, high } = bootstrapMedian(ratios);
  console.log(`${label.padEnd(46)} ${fmt(mid)} [${fmt(low)}, ${fmt(high)}]  n=${ratios.length}`);
}
console.log('\npaired loadEventEnd ratio against no extension: median [bootstrap 95 % CI], n pairs');
for (const kind of ['normal', 'error']) {
  for (const config of picked) printRatio(`${kind} pages, ${config}`, kind, config, 'none');
}
if (configs.production && configs['listeners only']) {
  console.log('\nproduction against the listeners-only floor (what the extension itself adds): paired ratio');
  for (const kind of ['normal', 'error']) printRatio(`${kind} pages`, kind, 'production', 'listeners only');
}
console.log("\nproduction worker's calls to the browser between a page's response and its load (counted, not timed)");
for (const [name, calls] of Object.entries(traced)) {
  const text =
    calls === null
      ? 'not traced (no response or no load seen)'
      : Object.entries(calls)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
  console.log(`${name.padEnd(30)} ${text || 'none'}`);
}
