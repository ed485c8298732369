/**
 * Turns what the browser tells us about a tab (main-frame response, network error, the content script's report, a
 * restore from the back/forward cache) into that tab's state, by the merge rule in reading-merge.ts. Dependencies are
 * passed in so the logic runs under test without a browser.
 */
import type { Detection, PageSnapshot } from '../core/detect/types.ts';
import { classifyNetworkError, isRefusedByBrowser } from '../core/network/network-error.ts';
import type { PageReport } from '../shared/page-report.ts';
import type { StoredPage } from '../shared/storage/stored-shapes.ts';
import type { DocumentRef, TabState } from '../shared/tab-state.ts';
import { type IncomingReading, mergeReading, READING_WAIT_MS } from './reading-merge.ts';
import { createTabReadings, isResponseOf } from './tab-readings.ts';
import { capHeaders, type TabStore } from './tab-store.ts';

export interface TabEventDeps {
  store: TabStore;
  classify: (snapshot: PageSnapshot) => Detection;
  now: () => number;
  /**
   * Told of every reading stored, once the tab's queue has moved on: draw it, diagnose it, settle it. `before` is the
   * tab's state before this reading.
   */
  onReading: (tabId: number, state: TabState, before: TabState | null) => Promise<void>;
  /** Resolves once the tab's page has loaded, or at the load gate's bound (load-gate.ts). */
  whenLoaded: (tabId: number) => Promise<void>;
}

export function createTabEvents({ store, classify, now, onReading, whenLoaded }: TabEventDeps) {
  const { stateOf, settleBy, pageState } = createTabReadings({ classify, now });

  /**
   * Runs `task` in the tab's queue with what is stored and the merge's decision; a state it returns is stored, and
   * told once the queue has moved on (the drawing and the diagnosis queue up behind it).
   */
  async function apply(
    tabId: number,
    incoming: IncomingReading,
    task: (stored: { state: TabState | null; page: StoredPage | null }, merge: 'join' | 'replace') => Promise<TabState>,
  ) {
    const saved = await store.serialize(tabId, async () => {
      const [state, page] = await Promise.all([store.getState(tabId), store.getPage(tabId)]);
      const merge = mergeReading({ state, pageSequence: page?.sequence ?? null }, incoming);
      if (merge === 'drop') return null;
      if (merge === 'replace') await store.clear(tabId);
      const next = await task({ state, page: merge === 'join' ? page : null }, merge);
      await store.putState(next);
      return { next, before: state };
    });
    if (saved) await onReading(tabId, saved.next, saved.before);
  }

  /**
   * webRequest.onHeadersReceived, main_frame only: a first, header-only reading that the page's report refines. It is
   * stored, drawn and diagnosed once the page has loaded: each of those steps asks the browser process something, and
   * during the load every such request competes with the page's own (bench:pageload). An error page loads in moments,
   * and the page report it waits for is read at the same point.
   */
  function onMainFrameHeaders(details: {
    tabId: number;
    url: string;
    statusCode: number;
    timeStamp: number;
    responseHeaders?: Array<{ name: string; value?: string }>;
  }) {
    if (details.tabId < 0) return Promise.resolve();
    const at = Math.round(details.timeStamp);
    const response = {
      url: details.url,
      status: details.statusCode,
      headers: capHeaders(details.responseHeaders ?? []),
      at,
    };
    const document: DocumentRef = { startedAt: at, shownAt: null };
    const read = () =>
      apply(details.tabId, { source: 'headers', document, url: details.url }, async ({ page }) => {
        await store.putResponse(details.tabId, response);
        if (page) return pageState(details.tabId, page, response, now());
        const detection = classify({
          url: response.url,
          status: response.status,
          headers: response.headers,
          page: null,
        });
        const settledAt = settleBy('headers', detection);
        return stateOf(details.tabId, { ...response, source: 'headers', document, detection, settledAt });
      });
    return whenLoaded(details.tabId).then(read);
  }

  /**
   * webRequest.onErrorOccurred, main_frame only: the page never arrived, and no page of its own will report. A request
   * this browser refused (a content blocker, a policy) is a new document that failed nothing: it replaces the tab's
   * reading with a quiet one, so no badge, verdict or probe follows.
   */
  function onMainFrameError(details: { tabId: number; url: string; error: string; timeStamp: number }) {
    const networkError = classifyNetworkError(details.error);
    if (details.tabId < 0 || !(networkError || isRefusedByBrowser(details.error))) return Promise.resolve();
    const document: DocumentRef = { startedAt: Math.round(details.timeStamp), shownAt: null };
    return apply(details.tabId, { source: 'network-error', document, url: details.url }, async () =>
      stateOf(details.tabId, {
        url: details.url,
        status: null,
        source: 'network-error',
        document,
        detection: null,
        networkError,
        settledAt: now(),
      }),
    );
  }

  /** The content script's report of its document, joined with that document's main-frame response. */
  function onPageReport(tabId: number, documentUrl: string, report: PageReport) {
    const incoming = {
      source: 'page',
      document: report.document,
      url: documentUrl,
      sequence: report.sequence,
    } as const;
    return apply(tabId, incoming, async ({ state, page: earlier }, merge) => {
      const page: StoredPage = { url: documentUrl, ...report };
      await store.putPage(tabId, page);
      const response = merge === 'join' ? await store.getResponse(tabId) : null;
      if (isResponseOf(response, page)) return pageState(tabId, page, response, now());
      // Still waiting for this document's headers; a re-report does not extend the wait.
      const settledAt = earlier && state?.source === 'page' ? state.settledAt : now() + READING_WAIT_MS;
      return pageState(tabId, page, null, settledAt);
    });
  }

  /**
   * A document restored from the back/forward cache: no request was made for it, so the stored state and response
   * are the previous document's (a 522 page's, say, over a page that works). Both are replaced by what the restored
   * document's URL and status say; a restored error page reports its content right after.
   */
  function onPageRestored(tabId: number, documentUrl: string, status: number | null, shown: PageReport['document']) {
    return apply(tabId, { source: 'restored', document: shown, url: documentUrl }, async () => {
      const detection = classify({ url: documentUrl, status, headers: null, page: null });
      const settledAt = settleBy('restored', detection);
      return stateOf(tabId, { url: documentUrl, status, source: 'restored', document: shown, detection, settledAt });
    });
  }

  return { onMainFrameHeaders, onMainFrameError, onPageReport, onPageRestored };
}

export type TabEvents = ReturnType<typeof createTabEvents>;
