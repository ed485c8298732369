/**
 * What follows a settled verdict or a page load, in one place so index.ts stays wiring: a settled failure verdict is
 * logged, may notify and may be reported to the peers; a page that loads normally closes its host's incident, ends
 * its watch and takes back the tab's notification about that host.
 */
import type { Verdict } from '../core/diagnose/types.ts';
import type { TabState } from '../shared/tab-state.ts';
import type { OnVerdict } from './diagnosis.ts';
import type { History } from './history.ts';
import type { Notifier } from './notifications.ts';
import type { Watcher } from './watch.ts';

export interface EffectDeps {
  history: Pick<History, 'record' | 'close'>;
  notifier: Pick<Notifier, 'onVerdict' | 'withdraw'>;
  watcher: Pick<Watcher, 'seenWorking'>;
  peers: { onVerdict: OnVerdict };
}

/** A normal page with a 2xx status is the host working; a redirect or a 404 says too little to close an incident. */
const isWorking = (state: TabState) =>
  state.kind === 'none' && state.status !== null && state.status >= 200 && state.status < 300;

export function createVerdictEffects({ history, notifier, watcher, peers }: EffectDeps) {
  /** A settled verdict, once (verdict-life-cycle.ts). */
  async function onSettled(tabId: number, verdict: Verdict, state: TabState) {
    // Not awaited: a report must not hold up the notification.
    void peers.onVerdict(tabId, verdict, state, true);
    await history.record(state.host, verdict);
    await notifier.onVerdict(tabId, verdict, state);
  }

  async function onPageState(state: TabState) {
    if (!isWorking(state) || !state.host) return;
    await history.close(state.host);
    await watcher.seenWorking(state.host);
    await notifier.withdraw(state.tabId, state.host);
  }

  return { onSettled, onPageState };
}
