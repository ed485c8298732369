/**
 * Navigation chains for local correlation: a failing page that sends the browser on, by a client redirect or by
 * opening a tab, starts a chain, and every failure reached from it counts as one site with that page. Otherwise one
 * hostile 5xx page redirecting through three domains of its own would make three "unrelated" failures.
 * A chain continues through page-initiated navigations and ends when the person starts one (typed, bookmark: no
 * initiator). A healthy page linking to failing sites starts none, so browsing an aggregator still counts each site.
 * Kept per tab in storage.session and dropped with the tab.
 */
import { createKeyedQueue } from '../core/serial-queue.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import type { TabState } from '../shared/tab-state.ts';

export interface ChainRootDeps {
  storage: TypedStorage;
  getState: (tabId: number) => Promise<TabState | null>;
  /** The counting key of a host (core/diagnose/correlation-key.ts), null for names that never count. */
  keyOf: (host: string) => string | null;
}

/** The page a tab shows now failed on the server side: its onward navigations are its own doing. */
const hasFailed = (state: TabState | null): state is TabState =>
  state !== null && state.kind !== 'none' && state.kind !== 'network-error';

export function createChainRoots({ storage, getState, keyOf }: ChainRootDeps) {
  const rootOf = (tabId: number) => storage.read(tabKeys.chainRoot(tabId));
  /** A new tab's creation and its first request arrive in either order; each settles before the other reads. */
  const perTab = createKeyedQueue<number>();

  /** The root a navigation sent on from `tabId`'s page belongs to: its own chain's, or that page if it failed. */
  async function rootFrom(tabId: number): Promise<string | null> {
    const [root, state] = await Promise.all([rootOf(tabId), getState(tabId)]);
    return root ?? (hasFailed(state) ? keyOf(state.host) : null);
  }

  async function set(tabId: number, root: string | null) {
    if (root === null) await storage.remove(tabKeys.chainRoot(tabId));
    else await storage.write(tabKeys.chainRoot(tabId), root);
  }

  return {
    rootOf,
    /** A main-frame request in `tabId`; `initiator` is the origin of the page that started it, if a page did. */
    async onNavigation(tabId: number, initiator: string | undefined) {
      if (tabId < 0) return;
      await perTab.run(tabId, async () => set(tabId, initiator ? await rootFrom(tabId) : null));
    },
    /** A tab opened by another tab's page joins the opener's chain. */
    async onTabCreated(tab: { id?: number; openerTabId?: number }) {
      const { id, openerTabId } = tab;
      if (id === undefined || openerTabId === undefined) return;
      await perTab.run(id, async () => set(id, await rootFrom(openerTabId)));
    },
    forget: (tabId: number) => storage.remove(tabKeys.chainRoot(tabId)),
  };
}
export type ChainRoots = ReturnType<typeof createChainRoots>;
