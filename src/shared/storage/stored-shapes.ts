/** Schemas of the stored values that have no schema of their own elsewhere (keys.ts pairs each with its key). */
import * as v from 'valibot';
import { VENDORS } from '../../core/detect/types.ts';
import { PageMarkersSchema, PageReportSchema } from '../page-report.ts';
import { DocumentRefSchema, TAB_KINDS } from '../tab-state.ts';
import { MessageSchema } from './verdict-schema.ts';

/**
 * A list that keeps the entries that fit: one damaged entry of a log costs that entry, not the log. Anything but a
 * list does not match (and reads as the item's fallback).
 */
export const validEntries = <T>(schema: v.GenericSchema<unknown, T>) =>
  v.pipe(
    v.array(v.unknown()),
    v.transform((items) =>
      items.flatMap((entry) => {
        const parsed = v.safeParse(schema, entry);
        return parsed.success ? [parsed.output] : [];
      }),
    ),
  );

/** When each of a set of names was last acted on (a notification's dedupe key, a reported site), in epoch ms. */
export const TimesByNameSchema = v.record(v.string(), v.number());

export const MainFrameResponseSchema = v.object({
  url: v.string(),
  status: v.number(),
  headers: v.pipe(v.array(v.pipe(v.tuple([v.string(), v.string()]), v.readonly())), v.readonly()),
  /** webRequest's timeStamp: when the browser saw the response, which tells the document it belongs to. */
  at: v.number(),
});
export type MainFrameResponse = v.InferOutput<typeof MainFrameResponseSchema>;

/** The page's own report of the tab's document, kept so headers that arrive after it can still be joined to it. */
export const StoredPageSchema = v.object({
  url: v.string(),
  document: DocumentRefSchema,
  sequence: PageReportSchema.entries.sequence,
  status: PageReportSchema.entries.status,
  markers: PageMarkersSchema,
});
export type StoredPage = v.InferOutput<typeof StoredPageSchema>;

/** The settled verdict whose notification, history entry and peer report were made, so they are made once. */
export const AnnouncedSchema = v.object({ subject: v.string(), decidedAt: v.number() });

/** The notification a tab's verdict put up, so a verdict that replaces it can update or clear it. */
export const OpenNotificationSchema = v.object({
  host: v.string(),
  /** What it says: the verdict's headline and explanation, before they are put into words. */
  headline: MessageSchema,
  explanation: MessageSchema,
  /** The dedupe keys it recorded, and when: they do not hold back the verdict that replaces it. */
  keys: v.array(v.string()),
  at: v.number(),
});
export type OpenNotification = v.InferOutput<typeof OpenNotificationSchema>;

/** A diagnosis under way, so a worker killed mid-way can run it again (`resume`). */
export const PendingDiagnosisSchema = v.object({
  subject: v.string(),
  startedAt: v.number(),
  onDemand: v.optional(v.boolean(), false),
});

/**
 * One confirmed failure seen on a CDN, for local correlation (core/diagnose/correlation.ts). A row without `chain` was
 * logged before the re-fetch had to confirm it, so it does not match and is dropped (`validEntries`).
 */
export const FailureRecordSchema = v.object({
  site: v.string(),
  chain: v.string(),
  vendor: v.picklist(VENDORS),
  colo: v.nullable(v.string()),
  kind: v.picklist(TAB_KINDS),
  at: v.number(),
});

const WatchSchema = v.object({
  host: v.string(),
  url: v.string(),
  tabId: v.nullable(v.number()),
  startedAt: v.number(),
  attempts: v.number(),
  nextAt: v.number(),
});

/** The watches by host, keeping the ones that fit (as `validEntries` does for a list). */
export const WatchesSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((raw) => {
    const watches: Record<string, v.InferOutput<typeof WatchSchema>> = {};
    for (const value of Object.values(raw)) {
      const parsed = v.safeParse(WatchSchema, value);
      if (parsed.success) watches[parsed.output.host] = parsed.output;
    }
    return watches;
  }),
);
