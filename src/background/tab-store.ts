/**
 * Per-tab state, the last main-frame response and the page's own report of each tab, in storage.session. Module
 * variables would die with the MV3 worker; storage.session survives it. Every write for one tab, and every badge drawn
 * from it, runs in that tab's queue, so a header event, a page report and a verdict arriving together cannot
 * overwrite each other out of order.
 */
import type { HeaderList } from '../core/detect/types.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import type { TabState } from '../shared/tab-state.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import type { MainFrameResponse, StoredPage } from '../shared/storage/stored-shapes.ts';

/** Bounds what a hostile server can make us store: header count and value length. */
const MAX_HEADERS = 64;
const MAX_HEADER_VALUE = 512;

export function capHeaders(headers: ReadonlyArray<{ name: string; value?: string | undefined }>): HeaderList {
  return headers
    .slice(0, MAX_HEADERS)
    .map((h) => [h.name.slice(0, 64).toLowerCase(), (h.value ?? '').slice(0, MAX_HEADER_VALUE)] as const);
}

export function createTabStore(storage: TypedStorage) {
  const queue = createKeyedQueue<number>();
  /** Runs `task` after every earlier task of the same tab; one failure does not block the next. */
  const serialize = <T>(tabId: number, task: () => Promise<T>): Promise<T> => queue.run(tabId, task);

  /** Drops the tab's state, response and page report; not chained, for callers already inside `serialize`. */
  const clear = (tabId: number) => storage.remove(tabKeys.state(tabId), tabKeys.response(tabId), tabKeys.page(tabId));

  return {
    serialize,
    getState: (tabId: number): Promise<TabState | null> => storage.read(tabKeys.state(tabId)),
    getResponse: (tabId: number): Promise<MainFrameResponse | null> => storage.read(tabKeys.response(tabId)),
    putState: (state: TabState) => storage.write(tabKeys.state(state.tabId), state),
    putResponse: (tabId: number, response: MainFrameResponse) => storage.write(tabKeys.response(tabId), response),
    getPage: (tabId: number): Promise<StoredPage | null> => storage.read(tabKeys.page(tabId)),
    putPage: (tabId: number, page: StoredPage) => storage.write(tabKeys.page(tabId), page),
    clear,
    forget: (tabId: number) => serialize(tabId, () => clear(tabId)),
  };
}

export type TabStore = ReturnType<typeof createTabStore>;
