/**
 * Reads only the pages that may have failed. No script runs on a page the person opens: the background decides from
 * the main-frame response (core/detect/reader-needed.ts) whether the page may be an error, block or challenge page,
 * and only then injects the reader into that tab's document, once it has loaded: a script injected earlier makes the
 * browser build the extension's isolated world while the page still loads, which slows the load itself
 * (bench:pageload). When the page has loaded is the load gate's to say (load-gate.ts), the same as for the reading
 * of the page's response, so both arrive together and a hanging subresource holds neither for long. A page the
 * response rule cannot see (a 200 error page with no vendor headers) is caught, if at all, by its title once it has
 * loaded.
 *
 * A document restored from the back/forward cache makes no request, so the tab would keep the state of the document
 * before it. A back/forward commit with no main-frame response since the tab's previous commit is such a restore;
 * it is told to the tab events once the navigation completes, when a late header event would have arrived.
 * What is kept here is a per-tab cache of the last few events: after the worker restarts, a restore is still seen
 * (no response since it started), only its status is unknown.
 */
import { needsReading } from '../core/detect/reader-needed.ts';
import { isCandidateTitle } from '../core/detect/prefilter.ts';
import type { HeaderList } from '../core/detect/types.ts';
import type { PageReport } from '../shared/page-report.ts';

export interface ReaderInjectionDeps {
  /** Runs the reader in the tab's top document (scripting.executeScript); rejects when the tab cannot take it. */
  inject: (tabId: number) => Promise<void>;
  /** The tab's title as the browser shows it (tabs.get: host permissions give it without the `tabs` permission). */
  titleOf: (tabId: number) => Promise<string>;
  onRestored: (tabId: number, url: string, status: number | null, shown: PageReport['document']) => Promise<void>;
  /** Resolves once the tab's page has loaded, or after the load gate's bound (load-gate.ts). */
  whenLoaded: (tabId: number) => Promise<void>;
}

interface TabNavigation {
  /** Time of the last main-frame response, and whether its page must be read. */
  responseAt: number;
  mustRead: boolean;
  /** Times of the last commit and the one before it, and whether the reader went into the last one's document. */
  commitAt: number;
  previousCommitAt: number;
  read: boolean;
  /** The last commit's document is to be read once it has loaded. */
  readOnLoad: boolean;
  /** The last commit went back or forward: a restore if no request was made between the two commits. */
  forwardBack: boolean;
  /** Status of the documents this tab showed, by URL, for restores (bounded). */
  statuses: Map<string, number>;
}

const REMEMBERED_STATUSES = 20;

export function createReaderInjection(deps: ReaderInjectionDeps) {
  const tabs = new Map<number, TabNavigation>();
  const tabOf = (tabId: number): TabNavigation => {
    let tab = tabs.get(tabId);
    if (!tab) {
      tab = {
        responseAt: 0,
        mustRead: false,
        commitAt: 0,
        previousCommitAt: 0,
        read: false,
        readOnLoad: false,
        forwardBack: false,
        statuses: new Map(),
      };
      tabs.set(tabId, tab);
    }
    return tab;
  };

  const inject = (tabId: number, tab: TabNavigation) => {
    tab.read = true;
    tab.readOnLoad = false;
    return deps.inject(tabId).catch(() => undefined);
  };

  /** Reads the last commit's document once it has loaded, unless another commit came first. */
  function readWhenLoaded(tabId: number, tab: TabNavigation): Promise<void> {
    tab.readOnLoad = true;
    const commitAt = tab.commitAt;
    void deps.whenLoaded(tabId).then(() => {
      if (tab.commitAt === commitAt && tab.readOnLoad && !tab.read) void inject(tabId, tab);
    });
    return Promise.resolve();
  }

  /** webRequest.onHeadersReceived, main frame. Called before the tab events, which the E2E build may hold. */
  function onHeaders(details: {
    tabId: number;
    url: string;
    statusCode: number;
    timeStamp: number;
    headers: HeaderList;
  }): Promise<void> {
    if (details.tabId < 0) return Promise.resolve();
    const tab = tabOf(details.tabId);
    tab.responseAt = Math.round(details.timeStamp);
    tab.mustRead = needsReading({ url: details.url, status: details.statusCode, headers: details.headers }) !== null;
    tab.statuses.delete(details.url);
    tab.statuses.set(details.url, details.statusCode);
    if (tab.statuses.size > REMEMBERED_STATUSES) tab.statuses.delete(tab.statuses.keys().next().value ?? '');
    // An event delivered after its document committed (it happened before the commit, after the one before).
    const isLate = tab.responseAt <= tab.commitAt && tab.responseAt > tab.previousCommitAt;
    if (isLate && tab.mustRead && !tab.read) {
      tab.mustRead = false;
      return readWhenLoaded(details.tabId, tab);
    }
    return Promise.resolve();
  }

  /** webNavigation.onCommitted, top frame: the new document exists, and is read once it has loaded. */
  function onCommitted(details: {
    tabId: number;
    frameId: number;
    timeStamp: number;
    transitionQualifiers?: string[];
  }) {
    if (details.frameId !== 0 || details.tabId < 0) return Promise.resolve();
    const tab = tabOf(details.tabId);
    const hadResponse = tab.responseAt > tab.commitAt;
    tab.forwardBack = details.transitionQualifiers?.includes('forward_back') === true;
    tab.previousCommitAt = tab.commitAt;
    tab.commitAt = Math.round(details.timeStamp);
    tab.read = false;
    tab.readOnLoad = false;
    const mustRead = hadResponse && tab.mustRead;
    tab.mustRead = false;
    return mustRead ? readWhenLoaded(details.tabId, tab) : Promise.resolve();
  }

  /**
   * webNavigation.onCompleted, top frame: a restore is told now, and an unread page with an error page's title is
   * read (one that must be read is the load gate's, which this same event releases).
   */
  async function onCompleted(details: { tabId: number; frameId: number; url: string }) {
    if (details.frameId !== 0 || details.tabId < 0) return;
    const tab = tabOf(details.tabId);
    if (tab.readOnLoad) return;
    const isRestore = tab.forwardBack && tab.responseAt <= tab.previousCommitAt;
    tab.forwardBack = false;
    if (isRestore) {
      const shown = { startedAt: tab.commitAt, shownAt: tab.commitAt, cached: true } as const;
      return deps.onRestored(details.tabId, details.url, tab.statuses.get(details.url) ?? null, shown);
    }
    if (tab.read || !/^https?:/.test(details.url)) return;
    const title = await deps.titleOf(details.tabId).catch(() => '');
    if (isCandidateTitle(title) && !tab.read) await inject(details.tabId, tab);
  }

  const forget = (tabId: number) => void tabs.delete(tabId);

  return { onHeaders, onCommitted, onCompleted, forget };
}
export type ReaderInjection = ReturnType<typeof createReaderInjection>;
