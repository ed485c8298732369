// Debian Chromium + Playwright with the unpacked build loaded: Chromium (unlike Google's Chrome builds since 137)
// still honours --load-extension, and Debian's package installs where downloading a browser cannot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSERS } from './browsers.mjs';
import { createDriver } from './driver.mjs';
import { REFUSED_HOST } from '../scenarios/table.mjs';
import { isPresent, waitFor, withTimeout } from './wait.mjs';

/**
 * Chromium's flags for a headless run with only our extension (and `others`), fake hosts by `rules`, and no traffic
 * of its own.
 * @param {string} extension the unpacked build @param {string} rules `--host-resolver-rules`
 * @param {string[]} [others] more unpacked extensions to load next to it
 */
export function chromiumArgs(extension, rules, others = []) {
  const extensions = [extension, ...others].join(','); // both flags take a comma-separated list
  return [
    '--headless=new',
    `--disable-extensions-except=${extensions}`, // Playwright adds --disable-extensions; this re-allows ours
    `--load-extension=${extensions}`,
    `--host-resolver-rules=${rules}`, // no quotes: they would become part of the rule
    '--ignore-certificate-errors', // Playwright's ignoreHTTPSErrors does not reach the extension's worker
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable', // keep http:// scenarios on http
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * @param {{ port: number, closedPort: number, hosts: string[], extensions?: string[] }} net
 * Fake hosts go to the fake server (refused.test to a closed port); every other name, `.invalid` included,
 * fails to resolve as it would for a user. `extensions` are loaded next to Culprit.
 */
export async function launchChromium({ port, closedPort, hosts, extensions = [] }) {
  const { binary, extension } = BROWSERS.chromium;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-chromium-'));
  // The catch-all makes every other name fail to resolve, as .invalid does for everyone: nothing leaves loopback.
  const rules = [
    ...hosts.map((h) => `MAP ${h} 127.0.0.1:${h === REFUSED_HOST ? closedPort : port}`),
    'MAP * ~NOTFOUND',
  ].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary,
    headless: true,
    timeout: 30_000,
    // Playwright turns the back/forward cache off by default; real browsers have it on, and the extension must
    // handle pages restored from it (../features/bfcache.mjs).
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: chromiumArgs(extension, rules, extensions),
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(sw.url()).host;
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/popup.html`, { timeout: 10_000 });
    const cdp = await context.browser()?.newBrowserCDPSession();
    if (!cdp) throw new Error('chromium: no browser CDP session (needed to stop the service worker)');
    const workers = async () =>
      (await cdp.send('Target.getTargets')).targetInfos
        .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))
        .map((t) => t.targetId);
    const driver = createDriver({
      name: /** @type {const} */ ('chromium'),
      control,
      newPage: () => context.newPage(),
      /** As Chrome does to an idle worker: the next event or message starts a fresh one. */
      async stopBackground() {
        const old = await workers();
        for (const targetId of old) await cdp.send('Target.closeTarget', { targetId });
        await waitFor('chromium: the old service worker to go', workers, (now) => !now.some((id) => old.includes(id)), {
          timeoutMs: 3_000,
        });
      },
      async openExtensionTab(_path, opener) {
        const next = context.waitForEvent('page', { timeout: 8_000 });
        await opener();
        const page = await next;
        await page.waitForLoadState('load', { timeout: 8_000 });
        return page;
      },
      async shutdown() {
        await withTimeout('chromium: close', context.close(), 15_000).catch((err) => console.warn(`# ${err}`));
        fs.rmSync(profile, { recursive: true, force: true });
      },
    });
    /** The extension's current service worker (a restart replaces it). */
    const worker = () =>
      waitFor(
        'chromium: the extension service worker',
        async () =>
          context
            .serviceWorkers()
            .filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))
            .at(-1) ?? null,
        isPresent,
        { timeoutMs: 5_000 },
      );
    /**
     * Lets pages read the clipboard: the test profile's permission grant, not a manifest permission. For every origin,
     * because the DevTools protocol takes chrome-extension:// for an opaque origin and refuses to name it.
     */
    const grantClipboard = () => context.grantPermissions(['clipboard-read', 'clipboard-write']);
    return Object.assign(driver, { extensionId, serviceWorker: sw, worker, grantClipboard });
  } catch (err) {
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}
