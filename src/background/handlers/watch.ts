/** "Tell me when it's back": start, cancel and list watches. */
import { WATCHABLE_CULPRITS } from '../../core/watch/schedule.ts';
import type { Handlers } from '../../shared/messages.ts';
import type { Watcher } from '../watch.ts';
import { currentOf, type TabView } from './tab-view.ts';

export interface WatchHandlerDeps extends TabView {
  watcher: Pick<Watcher, 'start' | 'cancel' | 'list'>;
}

export function createWatchHandlers({ watcher, ...view }: WatchHandlerDeps) {
  /** Watches the host of a tab whose verdict is watchable; used by the popup and by the notification button. */
  async function startForTab(tabId: number) {
    const { state, verdict } = await currentOf(view, tabId);
    if (!state?.host || !verdict || !WATCHABLE_CULPRITS.has(verdict.culprit)) return watcher.list();
    return watcher.start(state.host, state.url, tabId);
  }

  const handlers: Pick<Handlers, 'watch/start' | 'watch/cancel' | 'watch/list'> = {
    'watch/start': ({ tabId }) => startForTab(tabId),
    'watch/cancel': ({ host }) => watcher.cancel(host),
    'watch/list': () => watcher.list(),
  };
  return { handlers, startForTab };
}
