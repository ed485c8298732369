/**
 * Background entry: wiring only. Every listener is registered synchronously at top level, because an MV3 worker
 * woken by an event only delivers it to listeners that exist when the script first runs (adblockplus#1072).
 */
import { classify } from '../core/detect/index.ts';
import { browser } from '../shared/browser.ts';
import { createDispatcher } from '../shared/messages.ts';
import { createMessageHandlers } from './message-handlers.ts';
import { renderBadge } from './render-badge.ts';
import { createTabEvents } from './tab-events.ts';
import { createTabStore } from './tab-store.ts';

const store = createTabStore(browser.storage.session);
const events = createTabEvents({ store, classify, now: Date.now, render: renderBadge });
const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

const MAIN_FRAME = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame' as const] };

browser.webRequest.onHeadersReceived.addListener(
  (details) => void events.onMainFrameHeaders(details),
  MAIN_FRAME,
  ['responseHeaders'],
);
browser.webRequest.onErrorOccurred.addListener((details) => void events.onMainFrameError(details), MAIN_FRAME);
browser.tabs.onRemoved.addListener((tabId) => void store.forget(tabId));

browser.runtime.onMessage.addListener(
  createDispatcher(
    createMessageHandlers({
      events,
      store,
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
