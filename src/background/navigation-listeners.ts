/**
 * What the browser says about top-level navigations, handed to those who follow them: the load gate, the reader
 * injection, the tab events and the navigation chains. index.ts calls this synchronously at the worker's start, so
 * a worker woken by one of these events has its listener in place.
 */
import { browser } from '../shared/browser.ts';
import type { ChainRoots } from './chain-roots.ts';
import type { LoadGate } from './load-gate.ts';
import type { ReaderInjection } from './reader-injection.ts';
import type { TabEvents } from './tab-events.ts';

const MAIN_FRAME = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame' as const] };
const HTTP_PAGES = { url: [{ schemes: ['http', 'https'] }] };

export function listenToNavigations(to: {
  loads: LoadGate;
  reader: ReaderInjection;
  events: Pick<TabEvents, 'onMainFrameHeaders' | 'onMainFrameError'>;
  chains: Pick<ChainRoots, 'onNavigation'>;
}) {
  const { loads, reader, events, chains } = to;
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      const headers = (details.responseHeaders ?? []).map(({ name, value }) => [name, value ?? ''] as const);
      // The gate first: the reader and the tab events ask it whether this response's page is still loading.
      loads.onResponse(details.tabId, details.timeStamp);
      void reader.onHeaders({ ...details, headers });
      void events.onMainFrameHeaders(details);
    },
    MAIN_FRAME,
    ['responseHeaders'],
  );
  browser.webNavigation.onCommitted.addListener((details) => void reader.onCommitted(details), HTTP_PAGES);
  browser.webNavigation.onCompleted.addListener((details) => {
    if (details.frameId === 0) loads.onDone(details.tabId, details.timeStamp);
    void reader.onCompleted(details);
  }, HTTP_PAGES);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    loads.onDone(details.tabId, details.timeStamp);
    void events.onMainFrameError(details);
  }, MAIN_FRAME);
  // Chromium names the page that started a navigation `initiator`, Firefox `originUrl`; neither for one typed in.
  browser.webRequest.onBeforeRequest.addListener(
    (details) => void chains.onNavigation(details.tabId, details.initiator ?? details.originUrl),
    MAIN_FRAME,
  );
}
