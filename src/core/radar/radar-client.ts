/**
 * The CDN radar as a diagnosis source: "is this CDN, or my data centre of it, failing for many sites right now?".
 * A lookup names no site: only the vendor, as a path (`/v1/cdn/cloudflare`); the page's colo is matched locally in
 * the answer. Pure: fetch and the timer are injected.
 */
import * as v from 'valibot';
import type { Fetch } from '../fetch.ts';
import { getJson } from '../peer/api-request.ts';
import { apiUrl, firstAnswer } from '../peer/failover.ts';
import { OUTAGE_STATES } from '../peer/wire.ts';
import { RADAR_VENDORS, type RadarVendor, SERIES_POINTS, VendorDetailSchema } from './radar-wire.ts';

const StateSchema = v.picklist(OUTAGE_STATES);

/** What the diagnosis keeps of the radar's answer; also stored with the verdict, so it is a schema. */
export const RadarFactsSchema = v.object({
  vendor: v.picklist(RADAR_VENDORS),
  state: StateSchema,
  /** Failing sites on the vendor in the last 15 minutes (weighted, network-capped). */
  sites15: v.pipe(v.number(), v.minValue(0)),
  /** The vendor's colos in `outage` or `elevated`, most failing sites first. */
  colos: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))), v.maxLength(5)),
  /** The page's own colo's state, when the radar publishes that colo. */
  coloState: v.nullable(StateSchema),
  /** The last hour's failing sites, oldest first, one point per 5 minutes (the popup's sparkline). */
  series: v.pipe(v.array(v.pipe(v.number(), v.minValue(0))), v.maxLength(SERIES_POINTS)),
});
export type RadarFacts = v.InferOutput<typeof RadarFactsSchema>;

const AnswerSchema = v.object({ ok: v.literal(true), data: VendorDetailSchema });
/** A vendor with every colo published is ~200 bytes a colo; 256 KiB leaves room for about 1,000. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** Two servers fit in the diagnosis' 3 s source bound, like peer lookups. */
const ATTEMPT_MS = 1500;

export const isRadarVendor = (vendor: string | null): vendor is RadarVendor =>
  (RADAR_VENDORS as readonly (string | null)[]).includes(vendor);

/**
 * @example
 * const radar = createRadarClient({ fetch, timeout: (ms) => AbortSignal.timeout(ms) });
 * await radar.lookup(['https://peers.example/v1'], 'cloudflare', 'ICN', signal);
 * // { vendor: 'cloudflare', state: 'outage', sites15: 412, colos: ['ICN', 'NRT'], coloState: 'outage', series: [...] }
 */
export function createRadarClient(deps: { fetch: Fetch; timeout: (ms: number) => AbortSignal; attemptMs?: number }) {
  /** @throws when no server gave a valid answer: a radar that cannot be read never reads as "all normal". */
  async function lookup(
    endpoints: readonly string[],
    vendor: RadarVendor,
    colo: string | null,
    signal?: AbortSignal,
  ): Promise<RadarFacts> {
    const options = { timeout: deps.timeout, attemptMs: deps.attemptMs ?? ATTEMPT_MS, signal };
    return firstAnswer(endpoints, options, async (endpoint, bound) => {
      const body = await getJson(deps.fetch, apiUrl(endpoint, `cdn/${vendor}`), MAX_ANSWER_BYTES, bound);
      const answer = v.safeParse(AnswerSchema, body);
      if (!answer.success || answer.output.data.vendor.vendor !== vendor) throw new Error('invalid radar answer');
      const { vendor: summary, cells, series } = answer.output.data;
      return {
        vendor,
        state: summary.state,
        // The published breadth weighs a site that failed only at its origin by half; a person reads whole sites.
        sites15: Math.floor(summary.sites.m15),
        colos: summary.colos,
        coloState: cells.find((cell) => cell.colo === colo)?.state ?? null,
        series: series.map((point) => point.sites),
      };
    });
  }
  return { lookup };
}

export type RadarClient = ReturnType<typeof createRadarClient>;
