/**
 * The merge rule: what a new reading of a tab does to the one stored. Readings only get finer, and a new document
 * replaces everything:
 *
 * - A reading about an **older document** than the stored one is dropped (a header event Firefox delivers after the
 *   next page already reported, a re-report from a page the tab has left).
 * - A reading about a **newer document** replaces the tab's state, its stored headers and its stored page report.
 * - For the **same document**, the page's own report is the finest reading: late headers are joined into it (they
 *   confirm its vendor and status) and never replace it; a page report joins the headers stored before it; a page's
 *   re-report replaces its earlier report unless it is an older one (its sequence is lower). A network error within
 *   a page's span is an earlier navigation's, delivered late, and is dropped.
 * - The browser's own error page never clears a network error: it runs no content script (and is not an http(s)
 *   page, which the dispatcher would refuse anyway), so a page that reports after a network error is a later one.
 *
 * Which document a reading is about cannot be an id in both browsers (webRequest's `documentId` and the sender's are
 * Chromium-only), so it is told by time (DocumentRef). The browser's events are points: webRequest's `timeStamp`.
 * A page is an interval: from its navigation start (`performance.timeOrigin`) to when its content script first read
 * it. A document's headers arrive inside that interval; a later navigation's headers arrive after the page was read.
 * Both are the system's wall clock, but `timeOrigin` is converted from a monotonic clock, so the start is allowed
 * SAME_DOCUMENT_SKEW_MS of slack; that only matters for telling this document's headers from those of a document
 * left within that second. A page restored from the back/forward cache is a showing of its own that starts at the
 * restore and made no request, so no header event belongs to it.
 */
import type { DocumentRef, ReadingSource, TabKind, TabState } from '../shared/tab-state.ts';

export const SAME_DOCUMENT_SKEW_MS = 1000;

/**
 * How long a reading waits for what should still come before it counts as settled anyway: the page's report after
 * a failing response (or a restored failing page), or a page's headers when Firefox delivers them late. A page that
 * never reports (a service-worker page, a content script that failed) only costs this wait. The content script of a
 * Cloudflare error page reads it 0.17–0.4 s after its headers in both browsers (the settled-verdict E2E suite prints
 * it); 2 s leaves room for a busy machine, and is what bench:verdict shows for a page that never reports.
 */
export const READING_WAIT_MS = 2000;

export type DocumentOrder = 'older' | 'same' | 'newer';

const order = (difference: number): DocumentOrder => (difference > 0 ? 'newer' : difference < 0 ? 'older' : 'same');

/**
 * A browser event at `at` against a page that was read: inside the page's interval, after it, or before it. A
 * showing restored from the back/forward cache has no request of its own: every event up to it is older.
 */
function eventAgainstPage(at: number, page: Omit<DocumentRef, 'shownAt'> & { shownAt: number }): DocumentOrder {
  if (at > page.shownAt) return 'newer';
  if (page.cached) return 'older';
  return at >= page.startedAt - SAME_DOCUMENT_SKEW_MS ? 'same' : 'older';
}

const flip = (o: DocumentOrder): DocumentOrder => (o === 'newer' ? 'older' : o === 'older' ? 'newer' : 'same');

/** Whether `incoming` is about an older, the same or a newer document than `stored`. */
export function compareDocuments(incoming: DocumentRef, stored: DocumentRef): DocumentOrder {
  if ((incoming.shownAt === null) === (stored.shownAt === null)) return order(incoming.startedAt - stored.startedAt);
  if (stored.shownAt !== null) return eventAgainstPage(incoming.startedAt, { ...stored, shownAt: stored.shownAt });
  return flip(eventAgainstPage(stored.startedAt, { ...incoming, shownAt: incoming.shownAt ?? incoming.startedAt }));
}

/** What a new reading does: nothing, combine with the stored document's, or start over for a new document. */
export type Merge = 'drop' | 'join' | 'replace';

export interface IncomingReading {
  source: ReadingSource;
  document: DocumentRef;
  url: string;
  /** A page report's sequence within its document (re-reports as late text is drawn). */
  sequence?: number;
}

export interface StoredReading {
  state: TabState | null;
  /** The sequence of the page report stored for the state's document, if any. */
  pageSequence: number | null;
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function mergeReading(stored: StoredReading, incoming: IncomingReading): Merge {
  const { state } = stored;
  if (!state) return 'replace';
  const relation = compareDocuments(incoming.document, state.document);
  if (relation !== 'same') return relation === 'older' ? 'drop' : 'replace';
  const sameOrigin = originOf(incoming.url) === originOf(state.url);
  switch (incoming.source) {
    case 'headers':
      // A point equal to another point is a new event. Within a page's span, its origin's headers are its own,
      // arriving late, and confirm it; another origin's are a redirect hop of its navigation or the document before.
      if (state.source !== 'page') return 'replace';
      return sameOrigin ? 'join' : 'drop';
    case 'network-error':
      return state.source === 'page' ? 'drop' : 'replace';
    case 'page':
      // A page that was read after a network error is a later document: the browser's error page runs no script.
      if (state.source === 'network-error') return 'replace';
      return state.source === 'page' && (incoming.sequence ?? 0) < (stored.pageSequence ?? 0) ? 'drop' : 'join';
    case 'restored':
      return 'replace';
  }
}

/**
 * Whether the page will report for a document known so far only from the browser. The background injects the reader
 * into every page whose response may be a failure (core/detect/reader-needed.ts), which every failing status and every
 * header-only detection is, and the reader reports such a page; a restored failing page keeps the reader it was read
 * with. A normal page gets no reader and does not report, and a network error has no page.
 */
export const isReaderExpected = (source: ReadingSource, kind: TabKind): boolean =>
  (source === 'headers' || source === 'restored') && kind !== 'none';
