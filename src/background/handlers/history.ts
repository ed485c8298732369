/** The incident log for the history page. */
import type { Handlers } from '../../shared/messages.ts';
import type { History } from '../history.ts';

export function createHistoryHandlers(
  history: Pick<History, 'list' | 'clear'>,
): Pick<Handlers, 'history/list' | 'history/clear'> {
  return {
    'history/list': () => history.list(),
    async 'history/clear'() {
      await history.clear();
    },
  };
}
