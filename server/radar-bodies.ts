/**
 * The radar's responses, built once per refresh: the JSON bytes and a strong ETag for each, so a request costs a
 * map lookup, and a client or cache that already has the answer gets a 304.
 */
import { hash } from 'node:crypto';
import type { ApiResult } from '../src/core/peer/wire.ts';
import type { RadarData } from '../src/core/radar/radar-view.ts';
import type { RadarVendor } from '../src/core/radar/radar-wire.ts';

export interface RadarBody {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

export interface RadarBodies {
  summary: RadarBody;
  details: ReadonlyMap<RadarVendor, RadarBody>;
}

const encoder = new TextEncoder();

function bodyOf(data: unknown): RadarBody {
  const text = JSON.stringify({ ok: true, data } satisfies ApiResult<unknown>);
  return {
    bytes: encoder.encode(text) as Uint8Array<ArrayBuffer>,
    etag: `"${hash('sha256', text, 'hex').slice(0, 32)}"`,
  };
}

export function buildRadarBodies(radar: RadarData): RadarBodies {
  return {
    summary: bodyOf({ minute: radar.minute, vendors: radar.vendors }),
    details: new Map([...radar.details].map(([vendor, detail]) => [vendor, bodyOf(detail)])),
  };
}
