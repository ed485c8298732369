import * as v from 'valibot';
import { DETECTION_KINDS, PLATFORMS, VENDORS } from './types.ts';

/**
 * The classifier's output as a schema: the background validates stored or relayed detections with it, and
 * property tests check that `classify` always yields a value it accepts.
 */
export const DetectionSchema = v.strictObject({
  vendor: v.nullable(v.picklist(VENDORS)),
  kind: v.picklist(DETECTION_KINDS),
  code: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999))),
  // IATA codes, plus Bunny's two-letter region names.
  colo: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2,4}$/))),
  rayId: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/))),
  evidence: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(120))), v.maxLength(12)),
  unconfirmed: v.boolean(),
  // Optional so detections stored before platforms were read still validate.
  platform: v.optional(v.picklist(PLATFORMS)),
});
