import { useLayoutEffect } from 'preact/hooks';

/** Marks for tests/bench/popup.bench.mjs: the first commit that shows a real headline, and the frame that painted it. */
const FIRST_RENDER_MARK = 'culprit:first-render';
const FIRST_PAINT_MARK = 'culprit:first-paint';

/** Sets both marks once, when `ready` first turns true; costs one mark and one frame callback per popup. */
export function useFirstRenderMark(ready: boolean) {
  useLayoutEffect(() => {
    if (!ready || performance.getEntriesByName(FIRST_RENDER_MARK).length > 0) return;
    performance.mark(FIRST_RENDER_MARK);
    // The task after the next animation frame runs once that frame (with the headline) has been painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_PAINT_MARK), 0));
  }, [ready]);
}
