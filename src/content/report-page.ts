/**
 * Reports a candidate page to the background, then keeps watching it for a bounded time: challenge pages draw their
 * text late (e.g. "Please unblock challenges.cloudflare.com" appears only once the challenge script fails to load).
 */
import { extractPageMarkers } from '../core/detect/extract-markers.ts';
import type { PageMarkers } from '../core/detect/types.ts';

/** How long a candidate page is watched, and how many re-reports it may cause at most. */
const WATCH_MS = 20_000;
const THROTTLE_MS = 400;
const MAX_REPORTS = 12;
/** A send can fail without the script being orphaned (the worker was starting, a message was dropped): try again. */
const RETRY_MS = 1000;

export type Reporter = (markers: PageMarkers, sequence: number) => Promise<void>;

function fingerprint(markers: PageMarkers): string {
  return `${markers.title}\u0000${markers.text}\u0000${markers.ids.length}\u0000${markers.errorSourceId ?? ''}`;
}

/** `isOrphaned` tells a removed or reloaded extension (go quiet for good) from a send that merely failed (retry). */
export function reportAndWatch(doc: Document, report: Reporter, isOrphaned: () => boolean): void {
  let sequence = 0;
  let last = '';
  let pending: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const stop = () => {
    stopped = true;
    observer.disconnect();
    clearTimeout(pending);
  };

  const sendIfChanged = () => {
    pending = undefined;
    if (stopped) return;
    const markers = extractPageMarkers(doc);
    const print = fingerprint(markers);
    if (print === last) return;
    last = print;
    if (sequence >= MAX_REPORTS) return stop();
    report(markers, sequence++).catch(() => {
      if (isOrphaned()) return stop();
      last = ''; // the same reading must be sent again
      clearTimeout(pending);
      pending = setTimeout(sendIfChanged, RETRY_MS);
    });
  };

  const observer = new MutationObserver(() => {
    pending ??= setTimeout(sendIfChanged, THROTTLE_MS);
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: false });
  setTimeout(stop, WATCH_MS);
  sendIfChanged();
}
