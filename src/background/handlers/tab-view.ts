/** What the tab and peer handlers read about a tab: its stored state and the verdict about its current page. */
import type { Verdict } from '../../core/diagnose/types.ts';
import type { TabState } from '../../shared/tab-state.ts';
import type { Diagnoser } from '../diagnosis.ts';

export interface TabView {
  getState: (tabId: number) => Promise<TabState | null>;
  getVerdict: Diagnoser['getVerdict'];
}

/** The tab's state and its current verdict (null when the stored one is about another page). */
export async function currentOf(
  view: TabView,
  tabId: number,
): Promise<{ state: TabState | null; verdict: Verdict | null }> {
  const [state, { verdict }] = await Promise.all([view.getState(tabId), view.getVerdict(tabId)]);
  return { state, verdict: state ? verdict : null };
}
