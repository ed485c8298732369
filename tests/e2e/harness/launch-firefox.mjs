// Firefox ESR + puppeteer-core over WebDriver BiDi, the build installed as a temporary add-on:
// BiDi's webExtension.install takes the unpacked folder, and a temporary add-on needs no signing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSERS } from './browsers.mjs';
import { createDriver } from './driver.mjs';
import { CONTROL_URL } from '../scenarios/table.mjs';
import { isPresent, waitFor, withTimeout } from './wait.mjs';

const GECKO_ID = 'culprit@culprit-ext.org';
// Pinned so moz-extension:// URLs are predictable; the UUID is otherwise random per profile.
const EXTENSION_UUID = '7d3e2f1a-c0de-4b1e-9a55-2e2ec0ffee01';

/**
 * @param {{ port: number, hosts: string[], prefs?: Record<string, unknown>, extensions?: string[] }} net `prefs` adds
 * to the profile's; `extensions` are installed next to Culprit, as temporary add-ons too
 */
export async function launchFirefox({ port, hosts, prefs = {}, extensions = [] }) {
  const { binary, extension } = BROWSERS.firefox;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: binary,
    headless: true,
    acceptInsecureCerts: true, // the fakes' certificate is self-signed
    userDataDir: profile,
    timeout: 30_000,
    protocolTimeout: 20_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // ≈ Chromium's MAP rules: these names resolve to loopback and ports 80/443 go to the fake. Other names
      // (doesnotexist.invalid, status.<site>) still hit the real resolver, which answers NXDOMAIN for reserved TLDs.
      // refused.test uses an explicit closed port.
      'network.dns.localDomains': hosts.join(','),
      'network.socket.forcePort': `80=${port};443=${port}`,
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'network.trr.mode': 5, // no DNS-over-HTTPS: it would bypass localDomains
      'network.manage-offline-status': false, // a sandbox without a default route must not flip Firefox offline
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...prefs,
    },
  });
  try {
    await withTimeout('firefox: install add-on', browser.installExtension(extension), 20_000);
    for (const other of extensions)
      await withTimeout(`firefox: install ${other}`, browser.installExtension(other), 20_000);
    /** @param {string} _path @param {() => Promise<unknown>} opener */
    const openExtensionTab = async (_path, opener) => {
      const known = new Set(await browser.pages());
      await opener();
      // Puppeteer reports moz-extension tabs as about:blank, so the new tab is found by diffing the page list.
      const page = await waitFor(
        'firefox: the extension to open its tab',
        async () => (await browser.pages()).find((p) => !known.has(p)) ?? null,
        isPresent,
        { timeoutMs: 8_000 },
      );
      // A new tab starts as a complete about:blank document; wait for the extension page itself to have loaded.
      await waitFor(
        'firefox: extension tab to load',
        () => page.evaluate(() => `${location.protocol} ${document.readyState}`),
        (s) => s === 'moz-extension: complete',
        { timeoutMs: 8_000 },
      );
      return page;
    };
    const control = await openControlTab(browser, openExtensionTab);
    const driver = createDriver({
      name: /** @type {const} */ ('firefox'),
      control,
      newPage: () => browser.newPage(),
      /**
       * Reloads the event page's document, which is what suspending and waking it amounts to: the module runs
       * afresh. The old window is marked so its late answers are not taken for the new one's.
       */
      async stopBackground() {
        await control.evaluate(async () => {
          const bg = await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage();
          bg.__culpritE2eStale = true;
          bg.location.reload();
        });
        await waitFor(
          'firefox: the event page to reload',
          () =>
            control.evaluate(async () => {
              const bg = await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage();
              return bg.__culpritE2eStale !== true && bg.document.readyState === 'complete';
            }),
          Boolean,
          { timeoutMs: 4_000 },
        );
      },
      openExtensionTab,
      async shutdown() {
        await withTimeout('firefox: close', browser.close(), 15_000).catch((err) => console.warn(`# ${err}`));
        fs.rmSync(profile, { recursive: true, force: true });
      },
    });
    return Object.assign(driver, { browser, extensionBase: `moz-extension://${EXTENSION_UUID}/` });
  } catch (err) {
    await browser.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

/**
 * BiDi cannot navigate to moz-extension://, so a plain page asks the E2E bridge (VITE_E2E build) to open popup.html.
 * The content script may not be listening yet right after load, so the request is repeated a few times.
 */
/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {(path: string, opener: () => Promise<unknown>) => Promise<import('puppeteer-core').Page>} openExtensionTab
 */
async function openControlTab(browser, openExtensionTab) {
  const boot = await browser.newPage();
  await boot.goto(CONTROL_URL, { timeout: 15_000 });
  let lastError;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const control = await openExtensionTab('popup.html', () =>
        boot.evaluate(() => window.postMessage({ type: 'culprit-e2e/open', path: 'popup.html' }, '*')),
      );
      const href = await control.evaluate(() => location.href);
      if (!href.startsWith(`moz-extension://${EXTENSION_UUID}/`))
        throw new Error(`control tab is ${href}, not our extension`);
      await boot.close();
      return control;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(
    `firefox: the E2E bridge never opened popup.html (is dist/firefox a VITE_E2E=1 build?): ${lastError}`,
  );
}
