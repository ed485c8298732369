/**
 * Builds the fixed-size body of `GET /v1/prefix/{prefix}`: exactly PREFIX_ENTRY_COUNT entries and exactly
 * PREFIX_RESPONSE_BYTES bytes, so neither the entry count nor the length tells an observer how busy the bucket is.
 */
import { assessOutage, type HostSeries } from '../src/core/peer/outage-rule.ts';
import {
  PREFIX_ENTRY_COUNT,
  PREFIX_RESPONSE_BYTES,
  type OutageState,
  type PrefixEntry,
} from '../src/core/peer/wire.ts';

const STATE_RANK: Record<OutageState, number> = { normal: 0, elevated: 1, outage: 2 };
/** Caps keep every entry within a known width, which is what makes the fixed byte size reachable. */
const MAX_COUNT = 999_999_999;
const PADDING = ' '.repeat(PREFIX_RESPONSE_BYTES);
/** A dummy entry after its hostHash; key order matches PrefixEntry so dummies look like real entries. */
const DUMMY_TAIL = ',"count15":0,"count60":0,"baseline15":0,"state":"normal"}';

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
  // Entries are serialised one by one so the dummies can come from a template: this body is built on every lookup.
  const serialised = active.map((entry) => ({ hostHash: entry.hostHash, json: JSON.stringify(entry) }));
  while (serialised.length < PREFIX_ENTRY_COUNT) {
    const hostHash = prefix + randomHex(60);
    serialised.push({ hostHash, json: `{"hostHash":"${hostHash}"${DUMMY_TAIL}` });
  }
  // Hash order mixes the dummies in with the real entries.
  serialised.sort((a, b) => (a.hostHash < b.hostHash ? -1 : 1));
  const entriesJson = `[${serialised.map((entry) => entry.json).join(',')}]`;

  // Safe to assemble by hand: prefix is validated hex and minute an integer; the result is ApiResult<PrefixData> JSON.
  const head = `{"ok":true,"data":{"prefix":"${prefix}","minute":${minute},"entries":${entriesJson},"pad":"`;
  const tail = '"}}';
  // Everything is ASCII, so string length is byte length.
  const missing = PREFIX_RESPONSE_BYTES - head.length - tail.length;
  if (missing < 0) throw new Error(`prefix body over budget by ${-missing} bytes`);
  return head + PADDING.slice(0, missing) + tail;
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
