/**
 * Per-tab state, kept in storage.session so it survives the MV3 worker being killed (it is cleared when the browser
 * closes, which is what a per-tab state should do). Reads are validated against this schema (storage/keys.ts): a shape
 * from an older version reads as no state.
 */
import * as v from 'valibot';
import { DetectionSchema } from '../core/detect/detection-schema.ts';
import { DETECTION_KINDS } from '../core/detect/types.ts';
import { NETWORK_ERROR_CATEGORIES } from '../core/network/network-error.ts';

export const TAB_KINDS = [...DETECTION_KINDS, 'network-error'] as const;
export type TabKind = (typeof TAB_KINDS)[number];

/**
 * Where a reading came from, coarsest first: the main-frame response's headers alone, the browser's network error,
 * a document restored from the back/forward cache (its URL and status), the page's own report (joined with its
 * document's headers when they are known).
 */
const READING_SOURCES = ['headers', 'network-error', 'restored', 'page'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/** Epoch ms as both sides of the browser report them; bounded so a report cannot carry nonsense. */
const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/**
 * Which document a reading is about (background/reading-merge.ts compares them). `startedAt`: when its navigation
 * started (the page's Navigation Timing origin), or when the browser saw its response or error (webRequest's
 * timeStamp). `shownAt`: when the page itself was first read, null while only the browser has spoken for it.
 * `cached`: a showing restored from the back/forward cache, which starts at the restore and made no request, so no
 * header event belongs to it.
 */
export const DocumentRefSchema = v.strictObject({
  startedAt: EpochMs,
  shownAt: v.nullable(EpochMs),
  cached: v.optional(v.literal(true)),
});
export type DocumentRef = v.InferOutput<typeof DocumentRefSchema>;

export const TabStateSchema = v.object({
  tabId: v.number(),
  url: v.string(),
  host: v.string(),
  status: v.nullable(v.number()),
  kind: v.picklist(TAB_KINDS),
  detection: v.nullable(DetectionSchema),
  networkError: v.nullable(v.object({ error: v.string(), category: v.picklist(NETWORK_ERROR_CATEGORIES) })),
  source: v.picklist(READING_SOURCES),
  document: DocumentRefSchema,
  /**
   * From when the reading can no longer change for this document: at once when nothing more will come, or at the
   * end of a bounded wait for the page's report (or its late headers). Effects follow only a settled reading.
   */
  settledAt: v.number(),
  updatedAt: v.number(),
});

export type TabState = v.InferOutput<typeof TabStateSchema>;

export const isSettled = (state: TabState, now: number): boolean => now >= state.settledAt;
