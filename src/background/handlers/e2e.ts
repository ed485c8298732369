/**
 * E2E build only (index.ts leaves it out elsewhere, so the route is refused): opens an extension page for a test
 * that cannot navigate there itself. `tab=self` becomes the sender's tab, so the popup shows that tab.
 */
import type { Handlers } from '../../shared/messages.ts';

export function createE2eHandlers(openPage: (path: string) => Promise<unknown>): Required<Pick<Handlers, 'e2e/open'>> {
  return {
    async 'e2e/open'({ path }, { tabId }) {
      await openPage(path.replace('tab=self', `tab=${tabId}`));
    },
  };
}
