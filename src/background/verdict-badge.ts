/**
 * The badge of a verdict, drawn only while the tab still shows the page the verdict is about. A diagnosis takes
 * seconds; if the tab moves on as it ends (a navigation, a page restored from the back/forward cache), the old
 * page's verdict must not be painted over the new page's badge. The check and the draw run in the tab's queue, the
 * same one every state change goes through, so no state change can slip in between them.
 */
import { subjectOf } from './diagnosis.ts';
import type { renderBadge } from './render-badge.ts';
import type { TabStore } from './tab-store.ts';

export function createVerdictBadge(
  store: Pick<TabStore, 'serialize' | 'getState'>,
  render: typeof renderBadge,
): typeof renderBadge {
  return (tabId, state, verdict) =>
    store.serialize(tabId, async () => {
      const now = await store.getState(tabId);
      if (now !== null && state !== null && subjectOf(now) === subjectOf(state)) await render(tabId, now, verdict);
    });
}
