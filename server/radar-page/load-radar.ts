/**
 * Reads the radar the way any client may: `GET /v1/cdn`, then `GET /v1/cdn/{vendor}` for each CDN with anything
 * published, every answer checked against the wire schemas. A failure throws, so the page can never show a radar it
 * could not read as "all normal".
 */
import * as v from 'valibot';
import type { Fetch } from '../../src/core/fetch.ts';
import { getJson } from '../../src/core/peer/api-request.ts';
import type { OutageState } from '../../src/core/peer/wire.ts';
import {
  CdnSummarySchema,
  type RadarVendor,
  type VendorDetail,
  VendorDetailSchema,
  type VendorRadar,
} from '../../src/core/radar/radar-wire.ts';

const SummaryAnswerSchema = v.object({ ok: v.literal(true), data: CdnSummarySchema });
const DetailAnswerSchema = v.object({ ok: v.literal(true), data: VendorDetailSchema });
/** The same bound the extension's radar client reads a vendor's detail with (about 1,000 colos). */
const MAX_ANSWER_BYTES = 256 * 1024;

export interface RadarView {
  /** Epoch minute the counts end at. */
  minute: number;
  /** Every CDN, outages first, then elevated, then by failing sites. */
  vendors: VendorRadar[];
  /** Colos and the last hour of each CDN that has anything published; the rest had nothing to show. */
  details: ReadonlyMap<RadarVendor, VendorDetail>;
}

const SEVERITY: Record<OutageState, number> = { outage: 0, elevated: 1, normal: 2 };

const byConcern = (a: VendorRadar, b: VendorRadar) =>
  SEVERITY[a.state] - SEVERITY[b.state] || b.sites.m15 - a.sites.m15 || b.sites.m60 - a.sites.m60;

/** Below the publishing floor a CDN reads as zeros and `normal`: its detail would be zeros too. */
const hasFigures = (vendor: VendorRadar) => vendor.state !== 'normal' || vendor.sites.m60 > 0 || vendor.reports.m60 > 0;

async function read<T>(fetch: Fetch, url: string, schema: v.GenericSchema<unknown, { data: T }>, signal: AbortSignal) {
  const answer = v.safeParse(schema, await getJson(fetch, url, MAX_ANSWER_BYTES, signal));
  if (!answer.success) throw new Error(`invalid answer from ${url}`);
  return answer.output.data;
}

/**
 * @param api the API root, e.g. `/v1` on the page's own origin
 * @example const view = await loadRadar(fetch, '/v1', AbortSignal.timeout(10_000));
 */
export async function loadRadar(fetch: Fetch, api: string, signal: AbortSignal): Promise<RadarView> {
  const summary = await read(fetch, `${api}/cdn`, SummaryAnswerSchema, signal);
  const active = summary.vendors.filter(hasFigures);
  const details = await Promise.all(
    active.map((vendor) => read(fetch, `${api}/cdn/${vendor.vendor}`, DetailAnswerSchema, signal)),
  );
  return {
    minute: summary.minute,
    vendors: [...summary.vendors].sort(byConcern),
    details: new Map(details.map((detail) => [detail.vendor.vendor, detail])),
  };
}
