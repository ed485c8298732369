// The browser-neutral half of the e2e driver. Both launchers hand over a "control" page: an extension page kept open
// for the whole run, from which we read storage.session and the badge exactly as the popup would. Playwright and
// Puppeteer pages share the calls used here (evaluate with one argument, waitForSelector, screenshot, close).
import { artifactPath } from './browsers.mjs';
import { pollUntil, sleep, waitFor, withTimeout } from './wait.mjs';

const NAV_TIMEOUT = 15_000;
const POPUP_ROOT = '#app > [data-culprit-root]';

/**
 * @typedef {{ evaluate: Function, waitForSelector: Function, screenshot: Function, close: Function,
 *   goto: Function, bringToFront?: Function }} AnyPage
 * @typedef {{ name: string, control: AnyPage, newPage: () => Promise<AnyPage>,
 *   openExtensionTab: (path: string, opener: () => Promise<unknown>) => Promise<AnyPage>,
 *   stopBackground: () => Promise<void>, shutdown: () => Promise<void> }} Launched
 */

/** @param {Launched} launched */
export function createDriver(launched) {
  const { name, control } = launched;
  /**
   * Runs `fn(arg)` in the control page. `fn` is serialised, so it must pick the API itself:
   * `browser` in Firefox, `chrome` in Chromium (promise-based in MV3). Extension CSP forbids eval, hence no wrapper.
   */
  const ext = (fn, arg) => withTimeout(`${name}: control page evaluate`, control.evaluate(fn, arg), 10_000);

  /** The tab showing `url`: error pages keep the attempted URL in tab.url (or pendingUrl while loading). */
  const tabIdFor = (url) =>
    waitFor(
      `${name}: a tab with url ${url}`,
      () =>
        ext(async (u) => {
          const api = globalThis.browser ?? globalThis.chrome;
          return (await api.tabs.query({})).find((t) => t.url === u || t.pendingUrl === u)?.id ?? null;
        }, url),
      (id) => typeof id === 'number',
      { timeoutMs: 5_000 },
    );

  let serial = 0;
  return {
    name,
    ext,
    /**
     * Opens `url` in a new tab. Navigation errors are expected (network-error scenarios), so they are returned, not
     * thrown. `navigatedAt` is this machine's clock (the browser's too) just before the navigation started.
     */
    async open(url) {
      const page = await launched.newPage();
      // A unique query keeps tab lookup unambiguous when two scenarios share a page.
      const unique = `${url}${url.includes('?') ? '&' : '?'}e2e=${++serial}`;
      const navigatedAt = Date.now();
      const navError = await page.goto(unique, { timeout: NAV_TIMEOUT, waitUntil: 'load' }).then(
        () => null,
        (err) => String(err),
      );
      return { page, url: unique, navError, navigatedAt, tabId: await tabIdFor(unique) };
    },
    /** The stored verdict for the tab ({ subject, url, verdict }, src/background/diagnosis.ts), or null. */
    verdict: (tabId) =>
      ext(async (id) => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.storage.session.get(`verdict:${id}`))[`verdict:${id}`] ?? null;
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
    state: (tabId) =>
      ext(async (id) => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null;
      }, tabId),
    badge: (tabId) => ext((id) => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({ tabId: id }), tabId),
    badgeColor: (tabId) =>
      ext((id) => (globalThis.browser ?? globalThis.chrome).action.getBadgeBackgroundColor({ tabId: id }), tabId),
    /** State and badge together, so a wait can report both when it gives up. */
    async snapshot(tabId) {
      const [state, badge] = await Promise.all([this.state(tabId), this.badge(tabId)]);
      return { state, badge };
    },
    /** Opens popup.html?tab=ID in its own tab and returns the root's data-* attributes once rendered. */
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
    screenshot: (page, file) =>
      withTimeout(
        `${name}: screenshot ${file}`,
        page.screenshot({ path: artifactPath(`${name}-${file}.png`) }),
        10_000,
      ),
    close: () => launched.shutdown(),
  };

  /**
   * The popup root's data-* attributes, plus what it shows of the verdict: `incident` (its text), `sources` (each
   * listed source's data-state) and `advice` (how many items).
   */
  async function readPopup(page, screenshot) {
    await withTimeout(`${name}: popup root ${POPUP_ROOT}`, page.waitForSelector(POPUP_ROOT, { timeout: 8_000 }), 9_000);
    // Let the popup settle on its final render (it may first paint a loading state from an empty store).
    await sleep(150);
    const attrs = await page.evaluate((sel) => {
      const root = document.querySelector(sel);
      const sources = Object.fromEntries(
        [...(root?.querySelectorAll('.sources li') ?? [])].map((li) => [li.dataset.source, li.dataset.state]),
      );
      const incident = root?.querySelector('.incident')?.textContent ?? '';
      return { ...root?.dataset, incident, sources, advice: root?.querySelectorAll('.advice li').length ?? 0 };
    }, POPUP_ROOT);
    if (screenshot) await page.screenshot({ path: artifactPath(`${name}-${screenshot}.png`) }).catch(() => undefined);
    return attrs;
  }
}

/**
 * Warms the extension up before assertions: right after install the first navigation can beat the background's
 * webRequest listeners (toolchain pitfall 7). Loads `url` until the extension has stored a state for it.
 */
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
