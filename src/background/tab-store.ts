/**
 * Per-tab state and the last main-frame response of each tab, in storage.session. Module variables would die with
 * the MV3 worker; storage.session survives it. Writes for one tab are chained so that a header event and a page
 * report arriving together cannot overwrite each other out of order.
 */
import type { HeaderList } from '../core/detect/types.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import { parseTabState, tabStateKey, type TabState } from '../shared/tab-state.ts';

export interface SessionArea {
  /** `null` returns every key, as storage.session.get(null) does. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface MainFrameResponse {
  url: string;
  status: number;
  headers: HeaderList;
}

/** Bounds what a hostile server can make us store: header count and value length. */
const MAX_HEADERS = 64;
const MAX_HEADER_VALUE = 512;

export function capHeaders(headers: ReadonlyArray<{ name: string; value?: string | undefined }>): HeaderList {
  return headers
    .slice(0, MAX_HEADERS)
    .map((h) => [h.name.slice(0, 64).toLowerCase(), (h.value ?? '').slice(0, MAX_HEADER_VALUE)] as const);
}

const responseKey = (tabId: number) => `resp:${tabId}`;

export function createTabStore(area: SessionArea) {
  const queue = createKeyedQueue<number>();
  /** Runs `task` after every earlier task of the same tab; one failure does not block the next. */
  const serialize = <T>(tabId: number, task: () => Promise<T>): Promise<T> => queue.run(tabId, task);

  async function getState(tabId: number): Promise<TabState | null> {
    const key = tabStateKey(tabId);
    return parseTabState((await area.get(key))[key]);
  }

  async function getResponse(tabId: number): Promise<MainFrameResponse | null> {
    const key = responseKey(tabId);
    const value = (await area.get(key))[key] as MainFrameResponse | undefined;
    return value && typeof value.url === 'string' && Array.isArray(value.headers) ? value : null;
  }

  /** Drops the tab's state and response; not chained, for callers already inside `serialize`. */
  const clear = (tabId: number) => area.remove([tabStateKey(tabId), responseKey(tabId)]);

  return {
    serialize,
    getState,
    getResponse,
    putState: (state: TabState) => area.set({ [tabStateKey(state.tabId)]: state }),
    putResponse: (tabId: number, response: MainFrameResponse) => area.set({ [responseKey(tabId)]: response }),
    clear,
    forget: (tabId: number) => serialize(tabId, () => clear(tabId)),
  };
}

export type TabStore = ReturnType<typeof createTabStore>;
