/**
 * What the CDN radar publishes (`GET /v1/cdn`, `GET /v1/cdn/{vendor}`), as valibot schemas shared by the service
 * and the extension, so both sides read the same shapes. Nothing here names a site or a reporter.
 */
import * as v from 'valibot';
import { OUTAGE_STATES, REPORT_KINDS, REPORT_VENDORS } from '../peer/wire.ts';

/** Every vendor the wire knows, except `unknown` (no CDN to speak of). */
export const RADAR_VENDORS = REPORT_VENDORS.filter(
  (vendor): vendor is Exclude<(typeof REPORT_VENDORS)[number], 'unknown'> => vendor !== 'unknown',
);
export type RadarVendor = (typeof RADAR_VENDORS)[number];

const count = v.pipe(v.number(), v.minValue(0));
const WindowCountsSchema = v.object({ m5: count, m15: count, m60: count });
export type WindowCounts = v.InferOutput<typeof WindowCountsSchema>;
const ByKindSchema = v.partial(
  v.object(
    Object.fromEntries(REPORT_KINDS.map((kind) => [kind, v.pipe(count, v.integer())])) as Record<
      (typeof REPORT_KINDS)[number],
      v.SchemaWithPipe<readonly [typeof count, v.IntegerAction<number, undefined>]>
    >,
  ),
);
const ColoSchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/));

const VendorRadarSchema = v.object({
  vendor: v.picklist(RADAR_VENDORS),
  state: v.picklist(OUTAGE_STATES),
  /** Weighted, network-capped failing sites (core/radar/breadth.ts). */
  sites: WindowCountsSchema,
  reports: WindowCountsSchema,
  /** Median failing sites in the same 15 minutes of day over the last 7 days. */
  baseline15: count,
  /** Distinct failing sites in the last 15 minutes, per kind. */
  byKind: ByKindSchema,
  /** The published colos in `outage` or `elevated`, most failing sites first (at most 5). */
  colos: v.pipe(v.array(ColoSchema), v.maxLength(5)),
});
export type VendorRadar = v.InferOutput<typeof VendorRadarSchema>;

const ColoRadarSchema = v.object({
  colo: ColoSchema,
  state: v.picklist(OUTAGE_STATES),
  sites: WindowCountsSchema,
  reports: WindowCountsSchema,
  baseline15: count,
  byKind: ByKindSchema,
});
export type ColoRadar = v.InferOutput<typeof ColoRadarSchema>;

export const SERIES_STEP_MINUTES = 5;
export const SERIES_POINTS = 12;

const SeriesPointSchema = v.object({ minute: v.pipe(v.number(), v.integer()), sites: count, reports: count });

export const CdnSummarySchema = v.object({
  /** Epoch minute the counts end at. */
  minute: v.pipe(v.number(), v.integer()),
  vendors: v.pipe(v.array(VendorRadarSchema), v.maxLength(RADAR_VENDORS.length)),
});
export type CdnSummary = v.InferOutput<typeof CdnSummarySchema>;

export const VendorDetailSchema = v.object({
  minute: v.pipe(v.number(), v.integer()),
  vendor: VendorRadarSchema,
  /** Only colos at or above the publishing floor (privacy-floor.ts). */
  cells: v.pipe(v.array(ColoRadarSchema), v.maxLength(1000)),
  /** The last hour, oldest first, in SERIES_STEP_MINUTES steps; each point's sites are that step's breadth. */
  series: v.pipe(v.array(SeriesPointSchema), v.length(SERIES_POINTS)),
});
export type VendorDetail = v.InferOutput<typeof VendorDetailSchema>;
