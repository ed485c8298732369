// The browser-neutral half of the e2e driver. Both launchers hand over a "control" page: an extension page kept open
// for the whole run, from which we read storage.session and the badge exactly as the popup would. Playwright and
// Puppeteer pages share the calls used here (evaluate with one argument, waitForSelector, screenshot, close).
/** @import { TabState } from '../../../src/shared/tab-state.ts' */
/** @import { StoredVerdict } from '../../../src/shared/storage/verdict-schema.ts' */
/** @import { AnyPage } from './types.d.ts' */
import { artifactPath } from './browsers.mjs';
import { pollUntil, sleep, waitFor, withTimeout } from './wait.mjs';

const NAV_TIMEOUT = 15_000;
const POPUP_ROOT = '#app > [data-culprit-root]';

/**
 * What a launcher hands over: its browser's name, the control page, and how to open pages and stop things.
 * @template {'chromium' | 'firefox'} Name
 * @typedef {{ name: Name, control: AnyPage, newPage: () => Promise<AnyPage>,
 *   openExtensionTab: (path: string, opener: () => Promise<unknown>) => Promise<AnyPage>,
 *   stopBackground: () => Promise<void>, shutdown: () => Promise<void> }} Launched
 */

/**
 * @template {'chromium' | 'firefox'} Name
 * @param {Launched<Name>} launched
 */
export function createDriver(launched) {
  const { name, control } = launched;
  /**
   * Runs `fn(arg)` in the control page. `fn` is serialised, so it must pick the API itself:
   * `browser` in Firefox, `chrome` in Chromium (promise-based in MV3). Extension CSP forbids eval, hence no wrapper.
   */
  /**
   * @template R
   * @template [A=undefined]
   * @param {(arg: A) => R | Promise<R>} fn @param {A} [arg]
   * @returns {Promise<R>}
   */
  const ext = (fn, arg) =>
    withTimeout(`${name}: control page evaluate`, control.evaluate(fn, /** @type {A} */ (arg)), 10_000);

  /**
   * The tab showing `url`: error pages keep the attempted URL in tab.url (or pendingUrl while loading).
   * @param {string} url @returns {Promise<number>}
   */
  const tabIdFor = (url) =>
    waitFor(
      `${name}: a tab with url ${url}`,
      () =>
        ext(async (u) => {
          const api = globalThis.browser ?? globalThis.chrome;
          return (await api.tabs.query({})).find((t) => t.url === u || t.pendingUrl === u)?.id ?? null;
        }, url),
      /** @returns {id is number} */ (id) => typeof id === 'number',
      { timeoutMs: 5_000 },
    );

  /** Every tab's id, to tell which one a new page opened. @returns {Promise<number[]>} */
  const tabIds = () =>
    ext(async () =>
      (await (globalThis.browser ?? globalThis.chrome).tabs.query({})).flatMap((t) =>
        t.id === undefined ? [] : [t.id],
      ),
    );

  let serial = 0;
  const driver = {
    name,
    ext,
    /**
     * Opens `url` in a new tab. Navigation errors are expected (network-error scenarios), so they are returned, not
     * thrown. `navigatedAt` is this machine's clock (the browser's too) just before the navigation started.
     */
    /** @param {string} url */
    async open(url) {
      const before = new Set(await tabIds());
      const page = await launched.newPage();
      const opened = (await tabIds()).filter((id) => !before.has(id));
      // A unique query keeps tab lookup unambiguous when two scenarios share a page.
      const unique = `${url}${url.includes('?') ? '&' : '?'}e2e=${++serial}`;
      const navigatedAt = Date.now();
      const navError = await page.goto(unique, { timeout: NAV_TIMEOUT, waitUntil: 'load' }).then(
        () => null,
        (err) => String(err),
      );
      // Firefox leaves a tab whose navigation an extension blocked at about:blank, so no tab ever shows the URL;
      // the one tab that newPage() opened is then the page's.
      const tabId = await tabIdFor(unique).catch((err) => {
        if (navError === null || opened.length !== 1) throw err;
        return /** @type {number} */ (opened[0]);
      });
      return { page, url: unique, navError, navigatedAt, tabId };
    },
    /**
     * The stored verdict for the tab ({ subject, url, verdict }, src/background/diagnosis.ts), or null.
     * @param {number} tabId @returns {Promise<StoredVerdict | null>}
     */
    verdict: (tabId) =>
      ext(async (id) => {
        const api = globalThis.browser ?? globalThis.chrome;
        const got = (await api.storage.session.get(`verdict:${id}`))[`verdict:${id}`];
        return /** @type {StoredVerdict | undefined} */ (got) ?? null;
      }, tabId),
    /**
     * Stops the extension's background (Chromium's service worker, Firefox's event page) and waits until a fresh one
     * answers. Its memory (the status page cache) goes; storage.session stays, as when the browser suspends it.
     */
    async restartBackground() {
      await withTimeout(`${name}: stop the background`, launched.stopBackground(), 5_000);
      // Answering a message proves the new background ran its top level, where every listener is registered.
      await waitFor(
        `${name}: a fresh background to answer tab/get`,
        () =>
          ext(() =>
            (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'tab/get', payload: { tabId: 0 } }),
          ),
        (r) => r !== null && typeof r === 'object' && 'state' in r,
        { timeoutMs: 5_000 },
      );
    },
    /**
     * The tab's state as the background stored it, or null before the first reading.
     * @param {number} tabId @returns {Promise<TabState | null>}
     */
    state: (tabId) =>
      ext(async (id) => {
        const api = globalThis.browser ?? globalThis.chrome;
        const got = (await api.storage.session.get(`tab:${id}`))[`tab:${id}`];
        return /** @type {TabState | undefined} */ (got) ?? null;
      }, tabId),
    /** @param {number} tabId */
    badge: (tabId) => ext((id) => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({ tabId: id }), tabId),
    /** @param {number} tabId */
    badgeColor: (tabId) =>
      ext((id) => (globalThis.browser ?? globalThis.chrome).action.getBadgeBackgroundColor({ tabId: id }), tabId),
    /**
     * State and badge together, so a wait can report both when it gives up.
     * @param {number} tabId
     */
    async snapshot(tabId) {
      const [state, badge] = await Promise.all([driver.state(tabId), driver.badge(tabId)]);
      return { state, badge };
    },
    /**
     * Opens popup.html?tab=ID in its own tab and returns the root's data-* attributes once rendered.
     * @param {number} tabId @param {{ screenshot?: string }} [options] also saves the popup under this name
     */
    async popup(tabId, { screenshot } = {}) {
      const path = `popup.html?tab=${tabId}`;
      const page = await launched.openExtensionTab(path, () =>
        ext(async (p) => {
          const api = globalThis.browser ?? globalThis.chrome;
          await api.tabs.create({ url: api.runtime.getURL(p), active: true });
        }, path),
      );
      try {
        return await readPopup(page, screenshot);
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    readPopup,
    openExtensionTab: launched.openExtensionTab,
    /** @param {AnyPage} page @param {string} file */
    screenshot: (page, file) =>
      withTimeout(
        `${name}: screenshot ${file}`,
        page.screenshot({ path: artifactPath(`${name}-${file}.png`) }),
        10_000,
      ),
    close: () => launched.shutdown(),
  };
  return driver;

  /**
   * The popup root's data-* attributes, plus what it shows of the verdict: `incident` (its text), `sources` (each
   * listed source's data-state) and `advice` (how many items).
   * @param {AnyPage} page @param {string} [screenshot] also saves the popup under this name
   * @returns {Promise<PopupReading>}
   */
  async function readPopup(page, screenshot) {
    await withTimeout(`${name}: popup root ${POPUP_ROOT}`, page.waitForSelector(POPUP_ROOT, { timeout: 8_000 }), 9_000);
    // Let the popup settle on its final render (it may first paint a loading state from an empty store).
    await sleep(150);
    const attrs = await page.evaluate((sel) => {
      const root = /** @type {HTMLElement | null} */ (document.querySelector(sel));
      const listed = [...(root?.querySelectorAll('.sources li') ?? [])].filter((li) => li instanceof HTMLElement);
      const sources = Object.fromEntries(listed.map((li) => [li.dataset.source, li.dataset.state]));
      const incident = root?.querySelector('.incident')?.textContent ?? '';
      return { ...root?.dataset, incident, sources, advice: root?.querySelectorAll('.advice li').length ?? 0 };
    }, POPUP_ROOT);
    if (screenshot) await page.screenshot({ path: artifactPath(`${name}-${screenshot}.png`) }).catch(() => undefined);
    return attrs;
  }
}

/**
 * The popup root's data-* attributes (strings), plus `incident`, `sources` and `advice` (see readPopup).
 * @typedef {{ [attribute: string]: unknown, incident: string, sources: Record<string, string | undefined>,
 *   advice: number }} PopupReading
 */

/**
 * Warms the extension up before assertions: right after install the first navigation can beat the background's
 * webRequest listeners (toolchain pitfall 7). Loads `url` until the extension has stored a state for it.
 */
/** @param {import('./types.d.ts').Driver} driver @param {string} url */
export async function warmUp(driver, url, attempts = 4) {
  for (let i = 1; i <= attempts; i++) {
    const { page, tabId } = await driver.open(url);
    const r = await pollUntil(
      () => driver.state(tabId),
      (s) => s?.status != null,
      { timeoutMs: 3_000 },
    );
    await page.close().catch(() => undefined);
    if (r.ok) return i;
  }
  console.warn(
    `# ${driver.name}: warm-up page ${url} never produced a tab state after ${attempts} loads; scenarios will likely fail`,
  );
  return attempts;
}
