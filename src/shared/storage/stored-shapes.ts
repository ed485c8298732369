/** Schemas of the stored values that have no schema of their own elsewhere (keys.ts pairs each with its key). */
import * as v from 'valibot';
import { VENDORS } from '../../core/detect/types.ts';
import { TAB_KINDS } from '../tab-state.ts';

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
});
export type MainFrameResponse = v.InferOutput<typeof MainFrameResponseSchema>;

/** A diagnosis under way, so a worker killed mid-way can run it again (`resume`). */
export const PendingDiagnosisSchema = v.object({
  subject: v.string(),
  startedAt: v.number(),
  onDemand: v.optional(v.boolean(), false),
});

/** One failure seen on a CDN, for local correlation (core/diagnose/correlation.ts). */
export const FailureRecordSchema = v.object({
  site: v.string(),
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
