/**
 * The radar read as anyone could read it, at the end of each measured minute: `GET /v1/cdn` for every vendor, then
 * `GET /v1/cdn/{vendor}` for the colos of each vendor with published figures.
 */
import * as v from 'valibot';
import type { Fetch } from '../../src/core/fetch.ts';
import type { OutageState } from '../../src/core/peer/wire.ts';
import { CdnSummarySchema, type RadarVendor, VendorDetailSchema } from '../../src/core/radar/radar-wire.ts';

/** The radar's states at the end of one measured minute; `normal` cells are left out. */
export interface RadarMinute {
  at: number;
  vendors: Partial<Record<RadarVendor, OutageState>>;
  /** Published failing sites in the last hour, for the vendors that had any (the rest read as zero). */
  sites60: Partial<Record<RadarVendor, number>>;
  colos: Array<{ vendor: RadarVendor; colo: string; state: OutageState }>;
}

const OBSERVER_IP = '192.0.2.1';
const DetailAnswer = v.object({ data: VendorDetailSchema });
const SummaryAnswer = v.object({ data: CdnSummarySchema });

/** A minute in which nothing can be published, so every vendor and cell reads `normal`. */
export const quietMinute = (at: number): RadarMinute => ({ at, vendors: {}, sites60: {}, colos: [] });

/** @example const read = createObserver(service.fetchFrom, endpoint); const minute = await read(at); */
export function createObserver(fetchFrom: (ip: string) => Fetch, endpoint: string) {
  const fetch = fetchFrom(OBSERVER_IP);
  const get = async (route: string) => (await fetch(`${endpoint}/${route}`, {})).json();
  return async function read(at: number): Promise<RadarMinute> {
    const summary = v.parse(SummaryAnswer, await get('cdn')).data;
    const minute = quietMinute(at);
    for (const vendor of summary.vendors) {
      if (vendor.state !== 'normal') minute.vendors[vendor.vendor] = vendor.state;
      if (vendor.sites.m60 === 0) continue;
      minute.sites60[vendor.vendor] = vendor.sites.m60;
      for (const cell of v.parse(DetailAnswer, await get(`cdn/${vendor.vendor}`)).data.cells) {
        if (cell.state !== 'normal') minute.colos.push({ vendor: vendor.vendor, colo: cell.colo, state: cell.state });
      }
    }
    return minute;
  };
}
