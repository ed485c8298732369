// Observing the extension's notifications in both browsers.
// Neither browser hands the test a notification's text: Chromium's notifications.getAll() lists ids only, and headless
// Firefox has no alert backend, so its notifications close at once (onClosed fires; getAll() is empty). So the
// background's own `browser.notifications.create` is wrapped (calling through) to record what it was asked to show,
// and the browser's API confirms the notification really exists: Chromium lists its id in getAll(), Firefox fires
// onClosed for it (watched from the control page). `clear` is wrapped the same way, to see what a click dismissed.
// Clicks themselves go through the E2E build's hook (src/background/e2e-hooks.ts), which calls the registered handlers.
/** @import { SpiedNotification } from './page-globals.d.ts' */
/** @import { Driver } from './types.d.ts' */
import { waitFor } from './wait.mjs';

/** Source of the wrapper, run in the background's global as `scope`. Idempotent. */
const WRAP = `(() => {
  const scope = globalThis;
  if (scope.__culpritE2eNotes) return;
  const notes = (scope.__culpritE2eNotes = []);
  const cleared = (scope.__culpritE2eCleared = []);
  const api = scope.browser.notifications;
  const create = api.create.bind(api);
  const clear = api.clear.bind(api);
  api.create = (id, options) => {
    notes.push(JSON.parse(JSON.stringify({ id, ...options, at: Date.now() })));
    return create(id, options);
  };
  api.clear = (id) => {
    cleared.push(id);
    return clear(id);
  };
})()`;

/** @param {Driver} driver a launched driver (Chromium: has worker(); Firefox: the event page via the control page) */
export function notificationSpy(driver) {
  const isChromium = driver.name === 'chromium';

  /** Idempotent; call again after a background restart (the wrapper lives in the background's memory). */
  async function install() {
    if (isChromium) {
      await (await driver.worker()).evaluate(WRAP);
      return;
    }
    // Firefox: the event page is a window the control page can reach; extension CSP forbids building the wrapper
    // from a string there, so it is written out for that window.
    await driver.ext(async () => {
      if (!globalThis.__culpritE2eClosed) {
        const closed = (globalThis.__culpritE2eClosed = /** @type {string[]} */ ([]));
        (globalThis.browser ?? globalThis.chrome).notifications.onClosed.addListener((id) => closed.push(id));
      }
      const bg = await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage();
      if (bg.__culpritE2eNotes) return;
      const notes = (bg.__culpritE2eNotes = /** @type {SpiedNotification[]} */ ([]));
      const cleared = (bg.__culpritE2eCleared = /** @type {string[]} */ ([]));
      const api = bg.browser.notifications;
      const create = api.create.bind(api);
      const clear = api.clear.bind(api);
      /** @param {string} id @param {import('webextension-polyfill').Notifications.CreateNotificationOptions} options */
      const recordAndCreate = (id, options) => {
        notes.push(JSON.parse(JSON.stringify({ id, ...options, at: Date.now() })));
        return create(id, options);
      };
      api.create = /** @type {typeof api.create} */ (recordAndCreate);
      api.clear = (id) => {
        cleared.push(id);
        return clear(id);
      };
    });
  }

  /** Ids the background asked to clear since install(). */
  const cleared = async () =>
    isChromium
      ? (await driver.worker()).evaluate(() => globalThis.__culpritE2eCleared ?? null)
      : driver.ext(async () => [
          ...((await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage()).__culpritE2eCleared ?? []),
        ]);

  /**
   * Runs the background's own click handler for `id` (button `index`, or the body when null) and waits for it.
   * @param {string} id @param {number | null} [index]
   */
  async function click(id, index = null) {
    /** @type {[string, number | null]} */
    const args = [id, index];
    if (isChromium) {
      await (await driver.worker()).evaluate(
        ([n, i]) =>
          i === null ? globalThis.__culpritE2e.clickNotification(n) : globalThis.__culpritE2e.clickButton(n, i),
        args,
      );
      return;
    }
    await driver.ext(async ([n, i]) => {
      const hooks = (await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage()).__culpritE2e;
      await (i === null ? hooks.clickNotification(n) : hooks.clickButton(n, i));
    }, args);
  }

  /**
   * What the background asked to show since install(), oldest first; null when the spy is not installed there.
   * @returns {Promise<SpiedNotification[] | null>}
   */
  async function created() {
    if (isChromium) return (await driver.worker()).evaluate(() => globalThis.__culpritE2eNotes ?? null);
    return driver.ext(async () => {
      const bg = await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage();
      return bg.__culpritE2eNotes ? JSON.parse(JSON.stringify(bg.__culpritE2eNotes)) : null;
    });
  }

  /** Ids the browser itself knows were shown: Chromium's getAll(), Firefox's onClosed. */
  const known = () =>
    isChromium
      ? driver.ext(async () => Object.keys(await globalThis.chrome.notifications.getAll()))
      : driver.ext(() => [...(globalThis.__culpritE2eClosed ?? [])]);

  return {
    install,
    created,
    known,
    cleared,
    click,
    /**
     * Waits until `id` was created and the browser confirms it; returns what was shown.
     * @param {string} id
     * @returns {Promise<SpiedNotification>}
     */
    async waitFor(id, timeoutMs = 10_000) {
      const { note } = await waitFor(
        `${driver.name}: notification ${id} created and confirmed by the browser`,
        async () => ({ note: (await created())?.find((n) => n.id === id) ?? null, ids: await known() }),
        /** @returns {seen is { note: SpiedNotification, ids: string[] }} */
        (seen) => seen.note !== null && seen.ids.includes(id),
        { timeoutMs },
      );
      return note;
    },
    /**
     * Notifications created for `ids` so far (throws when the spy is gone, so "none" cannot pass by losing it).
     * @param {string[]} ids
     */
    async createdFor(ids) {
      const notes = await created();
      if (notes === null)
        throw new Error(`${driver.name}: the notification spy is not installed in the current background`);
      return notes.filter((n) => ids.includes(n.id));
    },
  };
}
