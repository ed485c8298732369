/** "Report this problem": whether the tab's failure may be reported, and the report itself. */
import type { Handlers } from '../../shared/messages.ts';
import type { Peers } from '../peers.ts';
import { currentOf, type TabView } from './tab-view.ts';

export interface PeerHandlerDeps extends TabView {
  peers: Pick<Peers, 'statusFor' | 'reportNow'>;
}

export function createPeerHandlers({ peers, ...view }: PeerHandlerDeps): Pick<Handlers, 'peer/status' | 'peer/report'> {
  return {
    async 'peer/status'({ tabId }) {
      const { state, verdict } = await currentOf(view, tabId);
      return state ? peers.statusFor(state, verdict) : null;
    },
    async 'peer/report'({ tabId }) {
      const { state, verdict } = await currentOf(view, tabId);
      if (!state) return { outcome: 'not-reportable', peer: null };
      const outcome = await peers.reportNow(state, verdict);
      return { outcome, peer: await peers.statusFor(state, verdict) };
    },
  };
}
