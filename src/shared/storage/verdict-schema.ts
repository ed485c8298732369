/**
 * The stored form of a verdict, so a verdict read back from storage.session is checked rather than trusted. The
 * tests hold it to the Verdict type in both directions: a field added to Verdict fails them until it is added here.
 */
import * as v from 'valibot';
import { VENDORS } from '../../core/detect/types.ts';
import { CULPRITS, SOURCE_NAMES, type SourceName, type SourceState } from '../../core/diagnose/types.ts';
import { RadarFactsSchema } from '../../core/radar/radar-client.ts';

const SourceStateSchema = v.object({
  state: v.picklist(['ok', 'failed', 'timeout', 'skipped']),
  ms: v.number(),
  reason: v.exactOptional(v.string()),
});

/**
 * Each source's state, keeping the entries that fit: a source this version does not know (written by a newer one)
 * or an entry of another shape is left out rather than costing the whole value.
 */
export const SourcesSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((raw) => {
    const sources: Partial<Record<SourceName, SourceState>> = {};
    for (const name of SOURCE_NAMES) {
      const parsed = v.safeParse(SourceStateSchema, raw[name]);
      if (parsed.success) sources[name] = parsed.output;
    }
    return sources;
  }),
);

export const MessageSchema = v.object({
  key: v.string(),
  params: v.record(v.string(), v.union([v.string(), v.number()])),
});

export const VerdictSchema = v.object({
  culprit: v.picklist(CULPRITS),
  vendor: v.nullable(v.picklist(VENDORS)),
  colo: v.nullable(v.string()),
  component: v.nullable(v.string()),
  confidence: v.number(),
  rule: v.string(),
  headline: MessageSchema,
  explanation: MessageSchema,
  evidence: v.array(
    v.object({ source: v.picklist(SOURCE_NAMES), observed: MessageSchema, at: v.number(), weight: v.number() }),
  ),
  advice: v.array(MessageSchema),
  sources: SourcesSchema,
  acknowledged: v.picklist(['yes', 'no', 'unreachable', 'not-applicable']),
  incident: v.nullable(v.object({ title: v.string(), url: v.nullable(v.string()) })),
  // Verdicts stored before the radar existed have none.
  radar: v.optional(v.nullable(RadarFactsSchema), null),
  decidedAt: v.number(),
});

/** A verdict with what it was about: a new page or a new reading of it makes the verdict stale. */
export const StoredVerdictSchema = v.object({
  version: v.literal(1),
  subject: v.string(),
  url: v.string(),
  verdict: VerdictSchema,
});
export type StoredVerdict = v.InferOutput<typeof StoredVerdictSchema>;
