// Small steps the feature tests share: waiting for a verdict, opening extension pages and background tabs, clicking
// by visible text, reading settings, firing a watch's alarm now. Every wait is bounded and named.
import { sleep, waitFor, withTimeout } from '../harness/wait.mjs';

export const VERDICT_TIMEOUT = 10_000;
/** After a verdict, how long a notification would take at most to follow it (same onVerdict chain). */
export const QUIET_AFTER_VERDICT_MS = 1_500;

/** The stored verdict of a tab once `done(verdict)` holds. */
export function waitVerdict(driver, tabId, done, what) {
  return waitFor(
    `${driver.name}: verdict for tab ${tabId} (${what})`,
    async () => (await driver.verdict(tabId))?.verdict ?? null,
    (v) => v !== null && done(v),
    { timeoutMs: VERDICT_TIMEOUT },
  );
}

/**
 * Opens a failing site in a new tab after emptying the extension's failure log (storage.session 'failures'): several
 * Cloudflare sites failing within 10 minutes are correctly read as a CDN-wide incident (cdn-correlated), and each
 * test here wants the one site's own verdict.
 */
export async function openFailing(driver, url) {
  await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));
  return driver.open(url);
}

/** Opens `url` in a tab that is never activated (as a link opened in the background); returns its id. */
export async function openBackgroundTab(driver, url) {
  return driver.ext(async (u) => {
    await (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures');
    const tab = await (globalThis.browser ?? globalThis.chrome).tabs.create({ url: u, active: false });
    return tab.id;
  }, url);
}

/** Opens an extension page (e.g. `options.html`) in its own tab and returns the page once loaded. */
export async function openExtensionPage(driver, pagePath) {
  return driver.openExtensionTab(pagePath, () =>
    driver.ext(async (p) => {
      const b = globalThis.browser ?? globalThis.chrome;
      await b.tabs.create({ url: b.runtime.getURL(p), active: true });
    }, pagePath),
  );
}

let marks = 0;
/** Clicks the first `selector` element whose text is `text`, with a real (trusted) click. */
export async function clickText(page, selector, text) {
  const mark = `m${++marks}`;
  await waitFor(
    `a ${selector} reading "${text}"`,
    () =>
      page.evaluate(
        ([sel, txt, m]) => {
          const el = [...document.querySelectorAll(sel)].find((e) => e.textContent.trim() === txt);
          if (el) el.dataset.e2eClick = m;
          return Boolean(el);
        },
        [selector, text, mark],
      ),
    Boolean,
    { timeoutMs: 5_000 },
  );
  await withTimeout(`click ${selector} "${text}"`, page.click(`[data-e2e-click="${mark}"]`), 5_000);
}

/** Text of every element matching `selector` (empty when none). */
export const texts = (page, selector) =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim()), selector);

/** Waits until texts(page, selector) satisfies `done`. */
export const waitTexts = (page, selector, done, what) =>
  waitFor(`${what} (${selector})`, () => texts(page, selector), done, { timeoutMs: 8_000 });

/** Reloads an extension page in place (BiDi cannot navigate to moz-extension://, so the page reloads itself). */
export async function reloadPage(page, readySelector) {
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await sleep(300);
  await waitFor(
    `the page to reload and show ${readySelector}`,
    () =>
      page.evaluate((sel) => document.readyState === 'complete' && document.querySelector(sel) !== null, readySelector),
    Boolean,
    { timeoutMs: 8_000 },
  );
}

/** Chooses an option of a <select> (Playwright and Puppeteer name this differently). */
export const selectOption = (page, selector, value) =>
  page.selectOption ? page.selectOption(selector, value) : page.select(selector, value);

export const storedSettings = (driver) =>
  driver.ext(
    async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('settings')).settings ?? null,
  );
export const local = (driver, key) =>
  driver.ext(async (k) => (await (globalThis.browser ?? globalThis.chrome).storage.local.get(k))[k], key);
export const session = (driver, key) =>
  driver.ext(async (k) => (await (globalThis.browser ?? globalThis.chrome).storage.session.get(k))[k], key);

/** A message to the background from the control page (an extension page, as the popup and history page are). */
export const send = (driver, type, payload = {}) =>
  driver.ext(
    ([t, p]) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: t, payload: p }),
    [type, payload],
  );

/**
 * Fires a watch's alarm now instead of in 30 s or more: the same alarm name, re-created for 50 ms from now, replaces
 * the watcher's own (alarms are per name) and reaches the background's onAlarm like the real one would.
 */
export const fireWatchAlarm = (driver, host) =>
  driver.ext(
    (name) => (globalThis.browser ?? globalThis.chrome).alarms.create(name, { when: Date.now() + 50 }),
    `watch:${host}`,
  );

export const alarm = (driver, name) =>
  driver.ext(async (n) => (await (globalThis.browser ?? globalThis.chrome).alarms.get(n)) ?? null, name);

/** Closes pages, ignoring ones already gone. */
export async function closeAll(pages) {
  for (const p of pages) await p?.close().catch(() => undefined);
}
