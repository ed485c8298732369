/**
 * Turns what the browser tells us about a tab (main-frame response, network error, the content script's report) into
 * that tab's state. Dependencies are passed in so the logic runs under test without a browser.
 */
import type { Detection, PageMarkers, PageSnapshot } from '../core/detect/types.ts';
import { classifyNetworkError } from '../core/network/network-error.ts';
import type { TabKind, TabState } from '../shared/tab-state.ts';
import type { MainFrameResponse } from '../shared/storage/stored-shapes.ts';
import { capHeaders, type TabStore } from './tab-store.ts';

export interface TabEventDeps {
  store: TabStore;
  classify: (snapshot: PageSnapshot) => Detection;
  now: () => number;
  /** Shows the state on the toolbar; called after every stored change. */
  render: (tabId: number, state: TabState | null) => Promise<void>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createTabEvents({ store, classify, now, render }: TabEventDeps) {
  function stateOf(
    tabId: number,
    url: string,
    status: number | null,
    kind: TabKind,
    detection: Detection | null,
  ): TabState {
    return { tabId, url, host: hostOf(url), status, kind, detection, networkError: null, updatedAt: now() };
  }

  async function save(tabId: number, state: TabState) {
    await store.putState(state);
    await render(tabId, state);
  }

  /** webRequest.onHeadersReceived, main_frame only: a first, header-only verdict that the page report refines. */
  function onMainFrameHeaders(details: {
    tabId: number;
    url: string;
    statusCode: number;
    responseHeaders?: Array<{ name: string; value?: string }>;
  }) {
    if (details.tabId < 0) return Promise.resolve();
    const response: MainFrameResponse = {
      url: details.url,
      status: details.statusCode,
      headers: capHeaders(details.responseHeaders ?? []),
    };
    return store.serialize(details.tabId, async () => {
      await store.putResponse(details.tabId, response);
      const detection = classify({ url: response.url, status: response.status, headers: response.headers, page: null });
      await save(details.tabId, stateOf(details.tabId, response.url, response.status, detection.kind, detection));
    });
  }

  /** webRequest.onErrorOccurred, main_frame only: the page never arrived. */
  function onMainFrameError(details: { tabId: number; url: string; error: string }) {
    const networkError = classifyNetworkError(details.error);
    if (details.tabId < 0 || !networkError) return Promise.resolve();
    return store.serialize(details.tabId, async () => {
      await save(details.tabId, { ...stateOf(details.tabId, details.url, null, 'network-error', null), networkError });
    });
  }

  /**
   * The content script's report of its document, joined with the tab's last main-frame response. The join is by
   * origin, not URL: challenge pages rewrite their own URL (history.replaceState with __cf_chl_rt_tk).
   */
  function onPageReport(tabId: number, documentUrl: string, markers: PageMarkers, reportedStatus: number | null) {
    return store.serialize(tabId, async () => {
      const response = await store.getResponse(tabId);
      const joined = response && originOf(response.url) === originOf(documentUrl) ? response : null;
      const status = joined?.status ?? reportedStatus;
      const detection = classify({ url: documentUrl, status, headers: joined?.headers ?? null, page: markers });
      await save(tabId, stateOf(tabId, documentUrl, status, detection.kind, detection));
    });
  }

  /**
   * A document restored from the back/forward cache: no request was made for it, so the stored state and response
   * are the previous document's (a 522 page's, say, over a page that works). Both are replaced by what the restored
   * document's URL and status say; a restored error page reports its content right after.
   */
  function onPageRestored(tabId: number, documentUrl: string, status: number | null) {
    return store.serialize(tabId, async () => {
      await store.clear(tabId);
      const detection = classify({ url: documentUrl, status, headers: null, page: null });
      await save(tabId, stateOf(tabId, documentUrl, status, detection.kind, detection));
    });
  }

  return { onMainFrameHeaders, onMainFrameError, onPageReport, onPageRestored };
}
