// Shared by the accessibility check, the screenshots and the popup benchmark: Chromium with dist/chrome loaded
// (Chromium still honours --load-extension; Google's Chrome builds ignore it since 137), a local fake web on
// 127.0.0.1 (HTTP pages, HTTPS status/control hosts), and helpers that produce one tab per culprit. Builds nothing:
// run `npm run build:e2e` first.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeSelfSignedCert } from '../tools/certs.mjs';
import { chromiumArgs } from '../e2e/harness/launch-chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION = path.join(ROOT, 'dist', 'chrome');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
/** The e2e suite's Cloudflare page fixtures, read (not copied) so both suites show the same pages. */
const PAGES = path.join(ROOT, 'tests', 'e2e', 'pages');

/** @param {string} ray @param {Record<string, string>} [extra] @returns {Record<string, string>} */
const cloudflare = (ray, extra = {}) => ({
  'content-type': 'text/html; charset=UTF-8',
  server: 'cloudflare',
  'cf-ray': ray,
  ...extra,
});

/**
 * A page of the fake web: what it answers (a status with `body`, or one of the e2e `page`s filled with `vars`); a site
 * without a status never resolves.
 * @typedef {{ url: string, status?: number, headers?: Record<string, string>, body?: string, page?: string,
 *   vars?: Record<string, string> }} Site
 */

/**
 * One site per culprit the popup can show. `none` comes first: it also warms the worker's listeners up.
 * @type {Record<'none' | 'site' | 'cdn' | 'blocked' | 'browser' | 'network', Site>}
 */
export const SITES = {
  none: {
    url: 'http://fine.test/',
    status: 200,
    headers: cloudflare('8a1b2c3d4e5f0200-ICN'),
    body: '<!doctype html><title>Fine</title><h1>A normal page</h1>',
  },
  site: {
    // A public name: only those have a status.<domain> page asked (and linked from the popup).
    url: 'http://shop-522.example.com/checkout',
    status: 522,
    headers: cloudflare('8a1b2c3d4e5f6789-ICN'),
    page: 'cf-522.html',
    vars: { city: 'Seoul' },
  },
  cdn: {
    url: 'http://news-500.test/',
    status: 500,
    headers: cloudflare('8a1b2c3d4e5f0500-FRA'),
    page: 'cf-500-edge.html',
    vars: { city: 'Frankfurt' },
  },
  blocked: {
    url: 'http://forum-1020.test/thread/42',
    status: 403,
    headers: cloudflare('8a1b2c3d4e5f1020-LAX'),
    page: 'cf-1020.html',
  },
  browser: {
    url: 'http://tickets-chl.test/',
    status: 403,
    headers: cloudflare('8a1b2c3d4e5fc0de-NRT', { 'cf-mitigated': 'challenge' }),
    page: 'cf-challenge-blocked.html',
  },
  network: { url: 'http://gone-dns.test/' },
};
/** The culprits SITES covers, in its order. */
export const SITE_NAMES = /** @type {(keyof typeof SITES)[]} */ (Object.keys(SITES));
/** Outside hosts the extension asks, answered over HTTPS; connectivity and DoH hosts stay unmapped (→ "offline"). */
const HTTPS_HOSTS = ['www.cloudflarestatus.com', 'www.cloudflare.com', 'status.example.com'];
/** A fresh request to a normal page waits this long, so the live per-source progress can be seen and captured. */
const SLOW_PROBE_MS = 1200;

const STATUS_SUMMARY = {
  page: {
    id: 'yh6f0r4529hb',
    name: 'Cloudflare',
    url: 'https://www.cloudflarestatus.com',
    updated_at: '2026-11-22T00:30:00.000Z',
  },
  status: { indicator: 'none', description: 'All Systems Operational' },
  components: [{ id: 'icn1', name: 'Seoul, South Korea - (ICN)', status: 'operational', group_id: 'asia' }],
  incidents: [],
  scheduled_maintenances: [],
};
const SITE_STATUS = {
  page: { id: 'shop1', name: 'Shop', url: 'https://status.example.com', updated_at: '2026-11-22T00:30:00.000Z' },
  status: { indicator: 'none', description: 'All Systems Operational' },
};

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function answer(req, res) {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  /** @param {unknown} body */
  const json = (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (host === 'www.cloudflarestatus.com') return json(STATUS_SUMMARY);
  if (host === 'status.example.com') return json(SITE_STATUS);
  /** @type {Site[]} */
  const sites = Object.values(SITES);
  const site = sites.find((s) => new URL(s.url).hostname === host);
  if (pathname === '/cdn-cgi/trace' && (host === 'www.cloudflare.com' || site?.headers?.server === 'cloudflare')) {
    const colo = site?.headers?.['cf-ray']?.split('-')[1] ?? 'ICN';
    return res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(`fl=1\nh=${host}\nip=127.0.0.1\ncolo=${colo}\nwarp=off\ngateway=off\n`);
  }
  if (!site?.status || pathname !== new URL(site.url).pathname)
    return res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  const { status } = site;
  const rayHex = site.headers?.['cf-ray']?.split('-')[0] ?? '';
  /** @type {Record<string, string>} */
  const vars = { host, rayId: rayHex, rayHex, ...site.vars };
  const body =
    site.body ??
    fs.readFileSync(path.join(PAGES, site.page ?? ''), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k] ?? '');
  const send = () => res.writeHead(status, site.headers).end(body);
  // Only the extension's re-fetch of the normal page is slow; the navigation itself is not.
  if (site === SITES.none && req.headers['sec-fetch-mode'] !== 'navigate') return void setTimeout(send, SLOW_PROBE_MS);
  send();
}

/** @returns {Promise<{ httpPort: number, httpsPort: number, close: () => Promise<void> }>} */
export async function startFakeWeb() {
  const plain = http.createServer(answer);
  const secure = https.createServer(makeSelfSignedCert(HTTPS_HOSTS), answer);
  await Promise.all([plain, secure].map((s) => new Promise((r) => s.listen(0, '127.0.0.1', () => r(undefined)))));
  /** @param {http.Server} server */
  const portOf = (server) => /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    httpPort: portOf(plain),
    httpsPort: portOf(secure),
    close: () =>
      Promise.all([plain, secure].map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r))))).then(
        () => undefined,
      ),
  };
}

/**
 * Chromium with the extension; every name not mapped to the fakes fails to resolve, so nothing leaves loopback.
 * @param {{ httpPort: number, httpsPort: number }} web
 */
export async function launch(web) {
  if (!fs.existsSync(path.join(EXTENSION, 'manifest.json')))
    throw new Error(`${EXTENSION} is missing: run npm run build:e2e first`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-a11y-'));
  const profile = path.join(base, 'profile');
  // A private copy: others rebuild dist/ while these run, and a half-written build reads as ERR_FILE_NOT_FOUND.
  const extension = path.join(base, 'extension');
  fs.cpSync(EXTENSION, extension, { recursive: true });
  const pageHosts = Object.values(SITES)
    .map((s) => new URL(s.url).hostname)
    .filter((h) => h !== 'gone-dns.test');
  const rules = [
    ...pageHosts.map((h) => `MAP ${h} 127.0.0.1:${web.httpPort}`),
    ...HTTPS_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${web.httpsPort}`),
    'MAP * ~NOTFOUND',
  ].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 420, height: 600 },
    args: chromiumArgs(extension, rules),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const id = new URL(sw.url()).host;
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(base, { recursive: true, force: true });
  };
  /** @param {string} p a path in the extension */
  const url = (p) => `chrome-extension://${id}/${p}`;
  return { context, sw, id, url, close };
}

/** @typedef {Awaited<ReturnType<typeof launch>>} A11yBrowser */

/**
 * Writes the language setting the pages follow (storage.sync, as the options page does).
 * @param {A11yBrowser} browser @param {'auto' | 'en' | 'ko'} language
 */
export async function setLanguage(browser, language) {
  await browser.sw.evaluate((lang) => chrome.storage.sync.set({ settings: { language: lang, version: 1 } }), language);
}

/**
 * Calls `fn` until `ok` holds or `ms` passes; returns the last value either way.
 * @template T
 * @param {() => Promise<T>} fn @param {(value: T) => boolean} ok
 * @returns {Promise<T>}
 */
async function poll(fn, ok, ms = 8000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > until) return value;
    await sleep(100);
  }
}

/**
 * Loads a site in a tab (twice at most: the first navigation can beat the worker's listeners) and returns its tab id.
 * @param {A11yBrowser} browser @param {keyof typeof SITES} name
 */
export async function openSite(browser, name) {
  const { url } = SITES[name];
  // Each site on its own: the local failure log would otherwise make three failing sites a CDN-wide outage.
  await browser.sw.evaluate(() => chrome.storage.session.remove('failures'));
  const page = await browser.context.newPage();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(url, { waitUntil: 'load', timeout: 10_000 }).catch(() => undefined); // error pages reject
    const tabId = await browser.sw.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => (t.url || t.pendingUrl) === u)?.id,
      url,
    );
    const state = await poll(
      () =>
        browser.sw.evaluate((t) => chrome.storage.session.get(`tab:${t}`).then((r) => r[`tab:${t}`] ?? null), tabId),
      (s) => s !== null,
      3000,
    );
    if (state) {
      if (name !== 'none') await waitForVerdict(browser, tabId, name);
      return { page, tabId };
    }
  }
  throw new Error(`no tab state for ${url}`);
}

/**
 * Waits until the background has stored a verdict naming `culprit` and nothing is pending (a page report can refine
 * a header-only reading, e.g. a challenge into a challenge that cannot load, and start a second diagnosis).
 * @param {A11yBrowser} browser @param {number | undefined} tabId @param {string} culprit
 * @returns the culprit finally stored, which the caller compares.
 */
export async function waitForVerdict(browser, tabId, culprit) {
  /** @param {Record<string, unknown>} got */
  const storedCulprit = (got) =>
    /** @type {{ verdict?: { culprit?: string } } | undefined} */ (got[`verdict:${tabId}`])?.verdict?.culprit;
  const got = await poll(
    () => browser.sw.evaluate((t) => chrome.storage.session.get([`verdict:${t}`, `diag:${t}`]), tabId),
    (g) => storedCulprit(g) === culprit && !(`diag:${tabId}` in g),
  );
  return storedCulprit(got) ?? null;
}

/**
 * Opens an extension page with a colour scheme and waits for the popup root (or the page's main) to render.
 * @param {A11yBrowser} browser @param {string} file
 * @param {{ colorScheme?: 'light' | 'dark', width?: number, height?: number }} [options]
 */
export async function openExtensionPage(browser, file, { colorScheme = 'light', width = 420, height = 600 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  await page.goto(browser.url(file));
  await page.waitForSelector(file.startsWith('popup') ? '[data-culprit-root]' : 'main h1', { timeout: 8000 });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * Presses Tab up to `max` times and lists where focus went, until it leaves the page or comes back round: each stop's
 * name (data-action, data-link or href) and whether it shows a focus ring of at least 2 px.
 * @param {import('playwright-core').Page} page @param {number} max
 */
export async function tabStops(page, max) {
  /** @type {{ id: string | null | undefined, ring: boolean }[]} */
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = /** @type {HTMLElement | null} */ (document.activeElement);
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        id: el.dataset.action ?? el.dataset.link ?? el.getAttribute('href'),
        ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (!stop || stops.some((s) => s.id === stop.id)) break;
    stops.push(stop);
  }
  return stops;
}
