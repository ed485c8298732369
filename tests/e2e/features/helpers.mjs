// Small steps the feature tests share: waiting for a verdict, opening extension pages and background tabs, clicking
// by visible text, reading settings, firing a watch's alarm now. Every wait is bounded and named.
/** @import { Verdict } from '../../../src/core/diagnose/types.ts' */
/** @import { MessageType, RequestOf, ResponseOf } from '../../../src/shared/messages.ts' */
/** @import { Settings } from '../../../src/shared/settings.ts' */
/** @import { AnyPage, Driver } from '../harness/types.d.ts' */
import { sleep, waitFor, withTimeout } from '../harness/wait.mjs';

const VERDICT_TIMEOUT = 10_000;
/** After a verdict, how long a notification would take at most to follow it (same onVerdict chain). */
export const QUIET_AFTER_VERDICT_MS = 1_500;

/**
 * The stored verdict of a tab once `done(verdict)` holds.
 * @param {Driver} driver @param {number} tabId @param {(verdict: Verdict) => boolean} done @param {string} what
 * @returns {Promise<Verdict>}
 */
export function waitVerdict(driver, tabId, done, what) {
  return waitFor(
    `${driver.name}: verdict for tab ${tabId} (${what})`,
    async () => (await driver.verdict(tabId))?.verdict ?? null,
    /** @returns {v is Verdict} */ (v) => v !== null && done(v),
    { timeoutMs: VERDICT_TIMEOUT },
  );
}

/**
 * Opens a failing site in a new tab after emptying the extension's failure log (storage.session 'failures'): several
 * Cloudflare sites failing within 10 minutes are correctly read as a CDN-wide incident (cdn-correlated), and each
 * test here wants the one site's own verdict.
 * @param {Driver} driver @param {string} url
 */
export async function openFailing(driver, url) {
  await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));
  return driver.open(url);
}

/**
 * Opens `url` in a tab that is never activated (as a link opened in the background); returns its id.
 * @param {Driver} driver @param {string} url
 */
export async function openBackgroundTab(driver, url) {
  return driver.ext(async (u) => {
    await (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures');
    const tab = await (globalThis.browser ?? globalThis.chrome).tabs.create({ url: u, active: false });
    return tab.id;
  }, url);
}

/**
 * Opens an extension page (e.g. `options.html`) in its own tab and returns the page once loaded.
 * @param {Driver} driver @param {string} pagePath
 */
export async function openExtensionPage(driver, pagePath) {
  return driver.openExtensionTab(pagePath, () =>
    driver.ext(async (p) => {
      const b = globalThis.browser ?? globalThis.chrome;
      await b.tabs.create({ url: b.runtime.getURL(p), active: true });
    }, pagePath),
  );
}

let marks = 0;
/**
 * Clicks the first `selector` element whose text is `text`, with a real (trusted) click.
 * @param {AnyPage} page @param {string} selector @param {string} text
 */
export async function clickText(page, selector, text) {
  const mark = `m${++marks}`;
  /** @type {[string, string, string]} */
  const args = [selector, text, mark];
  await waitFor(
    `a ${selector} reading "${text}"`,
    () =>
      page.evaluate(([sel, txt, m]) => {
        const all = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(sel));
        const el = [...all].find((e) => e.textContent?.trim() === txt);
        if (el) el.dataset.e2eClick = m;
        return Boolean(el);
      }, args),
    Boolean,
    { timeoutMs: 5_000 },
  );
  await withTimeout(`click ${selector} "${text}"`, page.click(`[data-e2e-click="${mark}"]`), 5_000);
}

/**
 * Text of every element matching `selector` (empty when none).
 * @param {AnyPage} page @param {string} selector
 * @returns {Promise<string[]>}
 */
export const texts = (page, selector) =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent?.trim() ?? ''), selector);

/**
 * Waits until texts(page, selector) satisfies `done`.
 * @param {AnyPage} page @param {string} selector @param {(texts: string[]) => boolean} done @param {string} what
 */
export const waitTexts = (page, selector, done, what) =>
  waitFor(`${what} (${selector})`, () => texts(page, selector), done, { timeoutMs: 8_000 });

/**
 * Reloads an extension page in place (BiDi cannot navigate to moz-extension://, so the page reloads itself).
 * @param {AnyPage} page @param {string} readySelector
 */
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

/**
 * Chooses an option of a <select> (Playwright and Puppeteer name this differently).
 * @param {Driver} driver @param {AnyPage} page @param {string} selector @param {string} value
 */
export const selectOption = (driver, page, selector, value) =>
  driver.name === 'chromium'
    ? /** @type {import('playwright-core').Page} */ (page).selectOption(selector, value)
    : /** @type {import('puppeteer-core').Page} */ (page).select(selector, value);

/**
 * The settings row as stored (storage.sync `settings`), or null when none is.
 * @param {Driver} driver @returns {Promise<Settings | null>}
 */
export const storedSettings = (driver) =>
  driver.ext(
    async () =>
      /** @type {Settings | undefined} */ (
        (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('settings')).settings
      ) ?? null,
  );
/**
 * A storage.local value as stored (the caller states its shape).
 * @param {Driver} driver @param {string} key @returns {Promise<unknown>}
 */
export const local = (driver, key) =>
  driver.ext(async (k) => (await (globalThis.browser ?? globalThis.chrome).storage.local.get(k))[k], key);
/**
 * Forgets what the notifier remembers (storage.local `notify:sent`: the dedupe map and the overall cap), so one test's
 * notifications do not count against the next test's under the cap of 3 in 10 minutes.
 * @param {Driver} driver
 */
export const forgetNotifications = (driver) =>
  driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('notify:sent'));
/**
 * A storage.session value as stored (the caller states its shape).
 * @param {Driver} driver @param {string} key @returns {Promise<unknown>}
 */
export const session = (driver, key) =>
  driver.ext(async (k) => (await (globalThis.browser ?? globalThis.chrome).storage.session.get(k))[k], key);

/**
 * A message to the background from the control page (an extension page, as the popup and history page are).
 * @template {MessageType} K
 * @param {Driver} driver @param {K} type @param {RequestOf<K>} [payload] none for the requests that take none
 * @returns {Promise<ResponseOf<K>>}
 */
export const send = (driver, type, payload) =>
  driver.ext(
    ([t, p]) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: t, payload: p }),
    [type, payload ?? {}],
  );

/**
 * Fires a watch's alarm now instead of in 30 s or more: the same alarm name, re-created for 50 ms from now, replaces
 * the watcher's own (alarms are per name) and reaches the background's onAlarm like the real one would.
 */
export const fireWatchAlarm = (/** @type {Driver} */ driver, /** @type {string} */ host) =>
  driver.ext(
    (name) => (globalThis.browser ?? globalThis.chrome).alarms.create(name, { when: Date.now() + 50 }),
    `watch:${host}`,
  );

/**
 * The alarm of that name, or null.
 * @param {Driver} driver @param {string} name
 */
export const alarm = (driver, name) =>
  driver.ext(async (n) => (await (globalThis.browser ?? globalThis.chrome).alarms.get(n)) ?? null, name);

/** Closes pages, ignoring ones already gone. @param {(AnyPage | undefined)[]} pages */
export async function closeAll(pages) {
  for (const p of pages) await p?.close().catch(() => undefined);
}
