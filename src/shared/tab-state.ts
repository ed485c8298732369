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

export const TabStateSchema = v.object({
  tabId: v.number(),
  url: v.string(),
  host: v.string(),
  status: v.nullable(v.number()),
  kind: v.picklist(TAB_KINDS),
  detection: v.nullable(DetectionSchema),
  networkError: v.nullable(v.object({ error: v.string(), category: v.picklist(NETWORK_ERROR_CATEGORIES) })),
  updatedAt: v.number(),
});

export type TabState = v.InferOutput<typeof TabStateSchema>;
