/**
 * Builds a tab's state from one reading: what the classifier makes of it, which document it is about, and from when
 * it counts as settled (reading-merge.ts says which readings are kept).
 */
import type { Detection, PageSnapshot } from '../core/detect/types.ts';
import type { MainFrameResponse, StoredPage } from '../shared/storage/stored-shapes.ts';
import type { ReadingSource, TabState } from '../shared/tab-state.ts';
import { compareDocuments, isReaderExpected, originOf, READING_WAIT_MS } from './reading-merge.ts';

type Fields = Pick<TabState, 'url' | 'status' | 'source' | 'document' | 'settledAt'> &
  Partial<Pick<TabState, 'networkError'>> & { detection: Detection | null };

/** The response belongs to the page's document: same origin (challenge pages rewrite their own URL), same time. */
export const isResponseOf = (response: MainFrameResponse | null, page: StoredPage): response is MainFrameResponse =>
  response !== null &&
  originOf(response.url) === originOf(page.url) &&
  compareDocuments({ startedAt: response.at, shownAt: null }, page.document) === 'same';

export function createTabReadings({
  classify,
  now,
}: {
  classify: (snapshot: PageSnapshot) => Detection;
  now: () => number;
}) {
  const stateOf = (tabId: number, { detection, networkError = null, ...fields }: Fields): TabState => ({
    tabId,
    host: URL.canParse(fields.url) ? new URL(fields.url).hostname : '',
    kind: networkError ? 'network-error' : (detection?.kind ?? 'none'),
    detection,
    networkError,
    updatedAt: now(),
    ...fields,
  });

  /** Until when a reading of `source` waits for the page's report: now when none is expected. */
  const settleBy = (source: ReadingSource, detection: Detection) =>
    isReaderExpected(source, detection.kind) ? now() + READING_WAIT_MS : now();

  /** The page's report joined with its document's headers, when they are known. */
  function pageState(tabId: number, page: StoredPage, response: MainFrameResponse | null, settledAt: number) {
    const status = response?.status ?? page.status;
    const snapshot = { url: page.url, status, headers: response?.headers ?? null, page: page.markers };
    return stateOf(tabId, {
      url: page.url,
      status,
      source: 'page',
      document: page.document,
      detection: classify(snapshot),
      settledAt,
    });
  }

  return { stateOf, settleBy, pageState };
}
