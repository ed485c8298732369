/**
 * Background entry: wiring only. Every listener is registered synchronously at top level, because an MV3 worker
 * woken by an event only delivers it to listeners that exist when the script first runs (adblockplus#1072).
 */
import { classify } from '../core/detect/index.ts';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import { createStatusFetcher } from '../core/status/fetch-status.ts';
import { siteStatusSource } from '../core/status/site-status.ts';
import { statusSourcesFor } from '../core/status/vendors.ts';
import { browser } from '../shared/browser.ts';
import { createDispatcher } from '../shared/messages.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createDiagnoser } from './diagnosis.ts';
import { createMessageHandlers } from './message-handlers.ts';
import { renderBadge } from './render-badge.ts';
import { createTabEvents } from './tab-events.ts';
import { createTabStore } from './tab-store.ts';

const session = browser.storage.session;
const fetchFn = (url: string, init: RequestInit) => fetch(url, init);
const clock = { now: Date.now, timeout: (ms: number) => AbortSignal.timeout(ms), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
const statuses = createStatusFetcher({ fetch: fetchFn, now: Date.now, timeout: clock.timeout });

const store = createTabStore(session);
const diagnoser = createDiagnoser({
  ...clock,
  session,
  fetch: fetchFn,
  config: DEFAULT_PROBE_CONFIG,
  getState: store.getState,
  vendorStatus: (vendor) => statuses.get(statusSourcesFor(vendor)[0]!),
  siteStatus: (site) => statuses.get(siteStatusSource(site)),
});

/** Every stored change is shown at once; a failed page also starts its diagnosis. */
async function onTabState(tabId: number, state: TabState | null) {
  await renderBadge(tabId, state);
  if (state && state.kind !== 'none') void diagnoser.diagnose(tabId);
}

const events = createTabEvents({ store, classify, now: Date.now, render: onTabState });
const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
const MAIN_FRAME = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame' as const] };

browser.webRequest.onHeadersReceived.addListener((details) => void events.onMainFrameHeaders(details), MAIN_FRAME, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener((details) => void events.onMainFrameError(details), MAIN_FRAME);
browser.tabs.onRemoved.addListener((tabId) => void Promise.all([store.forget(tabId), diagnoser.forget(tabId)]));

browser.runtime.onMessage.addListener(
  createDispatcher(
    createMessageHandlers({
      events,
      store,
      diagnoser,
      now: Date.now,
      extensionOrigin,
      ...(import.meta.env.VITE_E2E === '1' && {
        openExtensionPage: async (path: string, senderTabId: number) => {
          await browser.tabs.create({ url: browser.runtime.getURL(path.replace('tab=self', `tab=${senderTabId}`)) });
        },
      }),
    }),
  ),
);

void diagnoser.resume();
