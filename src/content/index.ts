/**
 * The reader. No page gets it by default: the background injects it (a classic script, vite.config.ts builds it on
 * its own) only into a page whose response or title says it may be an error, block or challenge page
 * (background/reader-injection.ts). It still prefilters, since a page the background only suspected may be normal.
 */
import { isCandidatePage } from '../core/detect/prefilter.ts';
import type { PageMarkers } from '../core/detect/types.ts';
import { browser } from '../shared/browser.ts';
import type { RequestOf } from '../shared/messages.ts';
import { ignoreRefusal, send } from '../shared/send.ts';
import { installE2eBridge, markReaderPresent } from './e2e-bridge.ts';
import { reportAndWatch } from './report-page.ts';

/** HTTP status as this document's Navigation Timing saw it (Chrome 109+, Firefox 111+); null when unknown. */
function navigationStatus(): number | null {
  const entry = performance.getEntriesByType('navigation')[0] as
    | (PerformanceEntry & { responseStatus?: number })
    | undefined;
  return entry?.responseStatus || null;
}

const isOrphaned = () => {
  // An orphaned content script (extension reloaded or removed) loses its runtime id, or throws on access.
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
};

/**
 * Which document the reports are about (shared/tab-state.ts DocumentRef): this document's navigation start, and now,
 * when the script first reads it. Every report of one showing carries the same, so the background can tell a late
 * header event of this document from the next navigation's.
 */
type PageDocument = RequestOf<'page/report'>['document'];

function reportIfCandidate(status: number | null, shown: PageDocument): void {
  if (!isCandidatePage(document, status)) return;
  // A refused report (over the tab's rate) is dropped, not retried: the next change of the page reports again.
  const report = (markers: PageMarkers, sequence: number) =>
    send('page/report', { markers, status, sequence, document: shown }).catch(ignoreRefusal);
  reportAndWatch(document, report, isOrphaned);
}

/** Set in this script's isolated world, so a second injection into the same document does not read it twice. */
const READER_MARK = Symbol.for('culprit.reader');
const scope = globalThis as { [READER_MARK]?: true };
if (!scope[READER_MARK]) {
  scope[READER_MARK] = true;
  if (import.meta.env.VITE_E2E === '1') {
    installE2eBridge(window);
    markReaderPresent(document);
  }
  reportIfCandidate(navigationStatus(), { startedAt: Math.round(performance.timeOrigin), shownAt: Date.now() });
  addEventListener('pageshow', onPageShow);
}

/**
 * Back/forward-cache restores make no request, so the tab still shows the state of the document before: say so,
 * then report this page again if it is itself an error page. The restored showing is a document of its own. The
 * background sees restores too (a page without the reader has nobody to say so); this one adds the page's content.
 * Only the browser's own event counts: a page can dispatch a synthetic `pageshow` with `persisted` set.
 */
function onPageShow(event: PageTransitionEvent): void {
  if (!event.isTrusted || !event.persisted || isOrphaned()) return;
  const status = navigationStatus();
  const restoredAt = Date.now();
  const shown = { startedAt: restoredAt, shownAt: restoredAt, cached: true } as const;
  send('page/restored', { status, document: shown })
    .catch(ignoreRefusal)
    .then(
      () => reportIfCandidate(status, shown),
      () => undefined,
    );
}
