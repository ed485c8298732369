/**
 * What the notifier remembers in storage.local, in one item so one write keeps it consistent: when each dedupe key last
 * went out (policy.ts) and the overall cap's state (cap.ts).
 */
import * as v from 'valibot';
import { CapStateSchema, EMPTY_CAP } from './cap.ts';

export const NotifyMemorySchema = v.union([
  v.object({ sent: v.record(v.string(), v.number()), cap: CapStateSchema }),
  // The earlier stored form was the dedupe map alone: it reads as that map with an empty cap.
  v.pipe(
    v.record(v.string(), v.number()),
    v.transform((sent) => ({ sent, cap: EMPTY_CAP })),
  ),
]);
export type NotifyMemory = v.InferOutput<typeof NotifyMemorySchema>;
export const EMPTY_MEMORY: NotifyMemory = { sent: {}, cap: EMPTY_CAP };
