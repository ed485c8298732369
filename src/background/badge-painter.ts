/**
 * The toolbar badge and title of a tab are a function of what is stored for it: its state, and the verdict about
 * that state's reading when there is one (the verdict wins over the page's own badge, whichever was stored last). This
 * is the one place that draws them. Each drawing reads the storage in the tab's queue, the same queue every reading
 * and every verdict is written in, so what it draws is what is stored at that point, and drawings land in order: a
 * stale one (an older document's, a verdict the tab has moved past) cannot be drawn over a newer one.
 */
import type { Verdict } from '../core/diagnose/types.ts';
import type { TabState } from '../shared/tab-state.ts';
import type { TabStore } from './tab-store.ts';

export interface BadgePainterDeps {
  serialize: TabStore['serialize'];
  /** The tab's state and the verdict about its current reading (null when the stored one is about another). */
  current: (tabId: number) => Promise<{ state: TabState | null; verdict: Verdict | null }>;
  /** Draws on the toolbar (render-badge.ts). */
  draw: (tabId: number, state: TabState | null, verdict: Verdict | null) => Promise<void>;
}

export function createBadgePainter({ serialize, current, draw }: BadgePainterDeps) {
  /** Draws the tab's badge from storage, in the tab's queue. Not for callers already inside that queue. */
  const paint = (tabId: number): Promise<void> =>
    serialize(tabId, async () => {
      const { state, verdict } = await current(tabId);
      await draw(tabId, state, verdict);
    });
  return { paint };
}
