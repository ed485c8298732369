/**
 * Says when a tab's page has loaded. Until then the background asks the browser nothing about it: the reading of its
 * main-frame response (storage, badge, diagnosis; tab-events.ts) and the reader's injection (reader-injection.ts) wait
 * here. Each of those is a request to the browser process, and the diagnosis adds requests to the network; during the
 * load they compete with the page's own and make it load markedly slower (bench:pageload). Held to the load, they cost
 * the verdict only the error page's load time, which is short. A main-frame network error has nothing left to load and
 * passes at once.
 *
 * The hold is bounded: a page whose subresources hang is read LOAD_WAIT_MS after its response anyway, so its verdict
 * comes at most that much later than if nothing waited.
 */
import { READING_WAIT_MS } from './reading-merge.ts';

/** Shorter than the reading wait, so a page report that came first is still joined by its held response. */
export const LOAD_WAIT_MS = READING_WAIT_MS - 500;

export interface LoadGateDeps {
  /** Runs `task` after `ms` (setTimeout). */
  schedule: (ms: number, task: () => void) => void;
}

interface TabLoad {
  /** A main-frame response arrived and its document has not finished loading. */
  loading: boolean;
  /** Time (browser event clock) when the tab's last document finished loading, or its request failed. */
  doneAt: number;
  waiters: Array<() => void>;
}

export function createLoadGate({ schedule }: LoadGateDeps) {
  const tabs = new Map<number, TabLoad>();
  const tabOf = (tabId: number) => {
    let tab = tabs.get(tabId);
    if (!tab) {
      tab = { loading: false, doneAt: 0, waiters: [] };
      tabs.set(tabId, tab);
    }
    return tab;
  };

  const release = (tab: TabLoad) => {
    tab.loading = false;
    for (const wake of tab.waiters.splice(0)) wake();
  };

  /**
   * webRequest.onHeadersReceived, main frame. Firefox may deliver a response's event after its document has loaded;
   * such a late event starts nothing.
   */
  function onResponse(tabId: number, at: number) {
    if (tabId < 0) return;
    const tab = tabOf(tabId);
    if (at > tab.doneAt) tab.loading = true;
  }

  /** webNavigation.onCompleted of the top frame, or webRequest.onErrorOccurred of the main frame. */
  function onDone(tabId: number, at: number) {
    if (tabId < 0) return;
    const tab = tabOf(tabId);
    tab.doneAt = Math.max(tab.doneAt, at);
    release(tab);
  }

  /** Resolves once the tab's current document has loaded, or LOAD_WAIT_MS from now at the latest. */
  function whenLoaded(tabId: number): Promise<void> {
    const tab = tabs.get(tabId);
    if (!tab?.loading) return Promise.resolve();
    return new Promise((resolve) => {
      tab.waiters.push(resolve);
      schedule(LOAD_WAIT_MS, () => {
        const at = tab.waiters.indexOf(resolve);
        if (at >= 0) tab.waiters.splice(at, 1);
        resolve();
      });
    });
  }

  /** The tab closed: whatever waits for it goes on (and finds the tab gone). */
  function forget(tabId: number) {
    const tab = tabs.get(tabId);
    if (tab) release(tab);
    tabs.delete(tabId);
  }

  return { onResponse, onDone, whenLoaded, forget };
}
export type LoadGate = ReturnType<typeof createLoadGate>;
