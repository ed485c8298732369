/**
 * What a content script reports about its document. The page cannot send in our name, but it shapes the DOM we read
 * to any size or content it likes, so the background parses every report against these bounds before using it.
 */
import * as v from 'valibot';
import { DocumentRefSchema } from './tab-state.ts';

/** Acceptance bounds: a little above what extractPageMarkers produces, so honest reports always pass. */
const MAX_TITLE = 400;
const MAX_TEXT = 10_000;
const MAX_SCRIPT = 10_000;
const MAX_LIST = 400;
const MAX_ITEM = 400;

const boundedList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_ITEM))), v.maxLength(MAX_LIST));

export const PageMarkersSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(MAX_TITLE)),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  ids: boundedList,
  classes: boundedList,
  resources: boundedList,
  inlineScript: v.pipe(v.string(), v.maxLength(MAX_SCRIPT)),
  errorSourceId: v.nullable(v.pipe(v.string(), v.maxLength(MAX_ITEM))),
  isPlainText: v.boolean(),
});

/**
 * A page's document as its content script knows it: its navigation start and when the script first read it. The
 * start is not held to come first: it is converted from a monotonic clock and may sit a few ms off the wall clock.
 */
const PageDocumentSchema = v.strictObject({
  startedAt: DocumentRefSchema.entries.startedAt,
  shownAt: DocumentRefSchema.entries.startedAt,
  cached: DocumentRefSchema.entries.cached,
});

export const PageReportSchema = v.strictObject({
  markers: PageMarkersSchema,
  /** HTTP status as the page's Navigation Timing saw it; the background prefers webRequest's own. */
  status: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999))),
  /** Bumped on each re-report of the same document (late-drawn challenge text), so stale ones can be dropped. */
  sequence: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
  /** Which document this is, so a header event that arrives after it is joined to it, not taken for a new page. */
  document: PageDocumentSchema,
});

export type PageReport = v.InferOutput<typeof PageReportSchema>;
