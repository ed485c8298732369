/** A tab's state and verdict for the popup, and "Check again". */
import type { Handlers, TabReport } from '../../shared/messages.ts';
import type { Diagnoser } from '../diagnosis.ts';
import { statusLinksFor } from '../status-links.ts';
import type { TabView } from './tab-view.ts';

export interface TabHandlerDeps extends TabView {
  diagnose: Diagnoser['diagnose'];
}

export function createTabHandlers(deps: TabHandlerDeps): Pick<Handlers, 'tab/get' | 'tab/check'> {
  async function reportOf(tabId: number): Promise<TabReport> {
    const [state, got] = await Promise.all([deps.getState(tabId), deps.getVerdict(tabId)]);
    const verdict = state ? got.verdict : null;
    const report: TabReport = { state, verdict, pending: got.pending, progress: got.progress ?? null };
    return state ? { ...report, links: statusLinksFor(state, verdict) } : report;
  }

  return {
    'tab/get': ({ tabId }) => reportOf(tabId),
    async 'tab/check'({ tabId }) {
      // Not awaited: the popup shows each source as it settles, by polling tab/get.
      void deps.diagnose(tabId, { force: true, onDemand: true });
      return reportOf(tabId);
    },
  };
}
