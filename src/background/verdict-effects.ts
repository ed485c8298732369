/**
 * What follows a verdict or a page load, in one place so index.ts stays wiring: the badge shows the verdict, a fresh
 * failure verdict is logged and may notify; a page that loads normally closes its host's incident and ends its watch.
 */
import type { OnVerdict } from './diagnosis.ts';
import type { History } from './history.ts';
import type { Notifier } from './notifications.ts';
import type { Watcher } from './watch.ts';
import type { renderBadge } from './render-badge.ts';
import type { TabState } from '../shared/tab-state.ts';

export interface EffectDeps {
  render: typeof renderBadge;
  history: Pick<History, 'record' | 'close'>;
  notifier: Pick<Notifier, 'onVerdict'>;
  watcher: Pick<Watcher, 'seenWorking'>;
}

/** A normal page with a 2xx status is the host working; a redirect or a 404 says too little to close an incident. */
const isWorking = (state: TabState) =>
  state.kind === 'none' && state.status !== null && state.status >= 200 && state.status < 300;

export function createVerdictEffects({ render, history, notifier, watcher }: EffectDeps) {
  const onVerdict: OnVerdict = async (tabId, verdict, state, fresh) => {
    await render(tabId, state, verdict);
    if (!fresh) return;
    await history.record(state.host, verdict);
    await notifier.onVerdict(tabId, verdict, state);
  };

  async function onPageState(state: TabState | null) {
    if (!state || !isWorking(state) || !state.host) return;
    await history.close(state.host);
    await watcher.seenWorking(state.host);
  }

  return { onVerdict, onPageState };
}
