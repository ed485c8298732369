/**
 * Builds the fixed-size body of `GET /v1/prefix/{prefix}`: exactly PREFIX_ENTRY_COUNT entries and exactly
 * PREFIX_RESPONSE_BYTES bytes, so neither the entry count nor the length tells an observer how busy the bucket is.
 */
import { assessOutage, type HostSeries } from '../src/core/peer/outage-rule.ts';
import {
  PREFIX_ENTRY_COUNT,
  PREFIX_RESPONSE_BYTES,
  type ApiResult,
  type OutageState,
  type PrefixData,
  type PrefixEntry,
} from '../src/core/peer/wire.ts';

const STATE_RANK: Record<OutageState, number> = { normal: 0, elevated: 1, outage: 2 };
/** Caps keep every entry within a known width, which is what makes the fixed byte size reachable. */
const MAX_COUNT = 999_999_999;

/**
 * @example buildPrefixBody('abcd', 29_000_000, [{ hostHash, series }], (n) => randomBytes(n / 2).toString('hex'))
 */
export function buildPrefixBody(
  prefix: string,
  minute: number,
  hosts: ReadonlyArray<{ hostHash: string; series: HostSeries }>,
  randomHex: (chars: number) => string,
): string {
  const active = hosts
    .map(({ hostHash, series }) => toEntry(hostHash, series))
    .filter((entry) => entry.count60 > 0)
    .sort((a, b) => STATE_RANK[b.state] - STATE_RANK[a.state] || b.count15 - a.count15 || b.count60 - a.count60)
    .slice(0, PREFIX_ENTRY_COUNT);
  const entries = [...active];
  while (entries.length < PREFIX_ENTRY_COUNT) {
    entries.push({ hostHash: prefix + randomHex(60), count15: 0, count60: 0, baseline15: 0, state: 'normal' });
  }
  // Hash order mixes the dummies in with the real entries.
  entries.sort((a, b) => (a.hostHash < b.hostHash ? -1 : 1));

  const data: PrefixData = { prefix, minute, entries, pad: '' };
  const result: ApiResult<PrefixData> = { ok: true, data };
  const unpadded = JSON.stringify(result);
  const missing = PREFIX_RESPONSE_BYTES - Buffer.byteLength(unpadded);
  if (missing < 0) throw new Error(`prefix body over budget by ${-missing} bytes`);
  data.pad = ' '.repeat(missing);
  return JSON.stringify(result);
}

function toEntry(hostHash: string, series: HostSeries): PrefixEntry {
  const assessed = assessOutage(series);
  return {
    hostHash,
    count15: Math.min(assessed.count15, MAX_COUNT),
    count60: Math.min(assessed.count60, MAX_COUNT),
    baseline15: Math.min(Math.round(assessed.baseline15 * 100) / 100, MAX_COUNT),
    state: assessed.state,
  };
}
