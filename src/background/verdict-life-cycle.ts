/**
 * A verdict's life cycle. A verdict is provisional while the reading it rests on can still change: a failing
 * response whose page has not reported yet, or a page whose headers Firefox has not delivered yet (see
 * reading-merge.ts; `settledAt` in the tab's state says until when). It is shown (badge, popup) at once, but its
 * effects, the notification, the history entry and the peer report, follow only once it is settled: when the reading
 * settles with the verdict still about it, or when a verdict arrives for a reading already settled. Each settled
 * verdict is announced once (tabKeys.announced records which); a later one (Check again, a new reading) is announced
 * again, and the notifier then updates or clears what the earlier one put up.
 */
import type { Verdict } from '../core/diagnose/types.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import { isSettled, type TabState } from '../shared/tab-state.ts';
import { subjectOf } from './diagnosis.ts';
import type { TabStore } from './tab-store.ts';

export interface LifeCycleDeps {
  store: Pick<TabStore, 'serialize' | 'getState'>;
  storage: TypedStorage;
  now: () => number;
  /** Runs `task` after `ms` (setTimeout): a reading that waits is looked at again when its wait ends. */
  schedule: (ms: number, task: () => void) => void;
  /** Draws the tab's badge from what is stored (badge-painter.ts). */
  paint: (tabId: number) => Promise<void>;
  /** The effects of a settled verdict; called once per verdict. */
  onSettled: (tabId: number, verdict: Verdict, state: TabState) => Promise<void>;
}

export function createVerdictLifeCycle(deps: LifeCycleDeps) {
  const { store, storage, now } = deps;

  /**
   * In the tab's queue: the tab's verdict when it is due to be announced (its reading is settled, it is about that
   * reading, and it was not announced yet), marked announced in the same step so it is announced once.
   */
  const claim = (tabId: number) =>
    store.serialize(tabId, async () => {
      const state = await store.getState(tabId);
      if (!state || !isSettled(state, now())) return null;
      const got = await storage.readTogether([tabKeys.verdict(tabId), tabKeys.announced(tabId)]);
      const stored = got(tabKeys.verdict(tabId));
      const announced = got(tabKeys.announced(tabId));
      if (!stored || stored.subject !== subjectOf(state)) return null;
      const mark = { subject: stored.subject, decidedAt: stored.verdict.decidedAt };
      if (announced?.subject === mark.subject && announced.decidedAt === mark.decidedAt) return null;
      await storage.write(tabKeys.announced(tabId), mark);
      return { state, verdict: stored.verdict };
    });

  /** Announces the tab's verdict if it is settled and was not announced yet. */
  async function settle(tabId: number): Promise<void> {
    const due = await claim(tabId);
    if (due) await deps.onSettled(tabId, due.verdict, due.state);
  }

  /** Looks again once the reading's wait is over, or at once when it is settled already. */
  async function follow(tabId: number, state: TabState): Promise<void> {
    const wait = state.settledAt - now();
    if (wait <= 0) return settle(tabId);
    // A failed look is not retried: the next reading or verdict of the tab looks again.
    deps.schedule(wait, () => void settle(tabId).catch(() => undefined));
  }

  /**
   * After a reading is stored: draw it, and announce the verdict if the reading is settled now or when it will be. A
   * page with nothing to show, where nothing was shown either, is not drawn: the browser clears a tab's badge when a
   * new document commits in it, so drawing nothing again would only cost three calls to the browser per page.
   */
  async function onReading(tabId: number, state: TabState, before: TabState | null): Promise<void> {
    if (state.kind !== 'none' || (before !== null && before.kind !== 'none')) await deps.paint(tabId);
    await follow(tabId, state);
  }

  /** After a verdict is stored or reused: draw it, and announce it if its reading is settled. */
  async function onVerdict(tabId: number): Promise<void> {
    await deps.paint(tabId);
    await settle(tabId);
  }

  /** On worker start: waits that a killed worker's timers were counting, and verdicts it did not get to announce. */
  async function resume(): Promise<void> {
    const states = await storage.readFamily(tabKeys.state);
    await Promise.all(states.map(([tabId, state]) => (state ? follow(tabId, state) : undefined)));
  }

  const forget = (tabId: number) => storage.remove(tabKeys.announced(tabId));

  return { onReading, onVerdict, resume, forget };
}
