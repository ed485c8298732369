/**
 * Message handlers for watches and the incident log. Both are for extension pages only (the popup, the history page):
 * a content script must not be able to make us probe a host, nor read or wipe the log.
 */
import * as v from 'valibot';
import type { Verdict } from '../core/diagnose/types.ts';
import { WATCHABLE_CULPRITS } from '../core/watch/schedule.ts';
import type { Runtime } from '../shared/browser.ts';
import type { Handlers } from '../shared/messages.ts';
import type { TabState } from '../shared/tab-state.ts';
import type { History } from './history.ts';
import type { Watcher } from './watch.ts';

export interface WatchHandlerDeps {
  watcher: Pick<Watcher, 'start' | 'cancel' | 'list'>;
  history: Pick<History, 'list' | 'clear'>;
  getState: (tabId: number) => Promise<TabState | null>;
  getVerdict: (tabId: number) => Promise<{ verdict: Verdict | null }>;
  isExtensionPage: (sender: Runtime.MessageSender) => boolean;
}

const TabRequest = v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const HostRequest = v.strictObject({ host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)) });
const Empty = v.strictObject({});

type WatchMessages = 'watch/start' | 'watch/cancel' | 'watch/list' | 'history/list' | 'history/clear';

export function createWatchHandlers(deps: WatchHandlerDeps) {
  /** Watches the host of a tab whose verdict is watchable; used by the popup and by the notification button. */
  async function startForTab(tabId: number) {
    const [state, { verdict }] = await Promise.all([deps.getState(tabId), deps.getVerdict(tabId)]);
    if (!state?.host || !verdict || !WATCHABLE_CULPRITS.has(verdict.culprit)) return deps.watcher.list();
    return deps.watcher.start(state.host, state.url, tabId);
  }

  const handlers: Pick<Handlers, WatchMessages> = {
    async 'watch/start'(payload, sender) {
      const request = v.safeParse(TabRequest, payload);
      if (!request.success || !deps.isExtensionPage(sender)) return [];
      return startForTab(request.output.tabId);
    },
    async 'watch/cancel'(payload, sender) {
      const request = v.safeParse(HostRequest, payload);
      if (!request.success || !deps.isExtensionPage(sender)) return [];
      return deps.watcher.cancel(request.output.host);
    },
    async 'watch/list'(payload, sender) {
      if (!v.is(Empty, payload) || !deps.isExtensionPage(sender)) return [];
      return deps.watcher.list();
    },
    async 'history/list'(payload, sender) {
      if (!v.is(Empty, payload) || !deps.isExtensionPage(sender)) return [];
      return deps.history.list();
    },
    async 'history/clear'(payload, sender) {
      if (!v.is(Empty, payload) || !deps.isExtensionPage(sender)) return;
      await deps.history.clear();
    },
  };
  return { handlers, startForTab };
}
