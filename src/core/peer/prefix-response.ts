/**
 * Reading a peer server's answer to `GET /v1/prefix/{prefix}`. The server is not trusted: the answer is validated
 * against the wire contract (wire.ts), and the person's own host is found by its full hash locally, so the server
 * never learns which of the bucket's hosts was meant.
 */
import * as v from 'valibot';
import type { PeerFacts } from '../diagnose/types.ts';
import { describeIssues } from '../validation-issues.ts';
import { HostHashSchema, OUTAGE_STATES, PREFIX_ENTRY_COUNT, PREFIX_RESPONSE_BYTES } from './wire.ts';

/** The contract says exactly PREFIX_RESPONSE_BYTES; twice that leaves room for a differently spaced server. */
export const MAX_PREFIX_RESPONSE_BYTES = 2 * PREFIX_RESPONSE_BYTES;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const PrefixEntrySchema = v.object({
  hostHash: HostHashSchema,
  count15: Count,
  count60: Count,
  baseline15: v.pipe(v.number(), v.finite(), v.minValue(0)),
  state: v.picklist(OUTAGE_STATES),
});

const PrefixResponseSchema = v.object({
  ok: v.literal(true),
  data: v.object({
    prefix: v.string(),
    minute: v.pipe(v.number(), v.integer()),
    entries: v.pipe(v.array(PrefixEntrySchema), v.maxLength(PREFIX_ENTRY_COUNT)),
  }),
});

/**
 * @returns the facts for `ownHash`, or null when it is not among the entries (no reports in the last hour).
 * @throws when the body is not a valid answer for `prefix`: a broken answer must fail the source, not read as
 *   "no reports".
 * @example matchOwnHost(JSON.parse(body), 'a379', 'a379a6f6…') // { state: 'elevated', count15: 38, ratio: 12.7 }
 */
export function matchOwnHost(body: unknown, prefix: string, ownHash: string): PeerFacts | null {
  const parsed = v.safeParse(PrefixResponseSchema, body);
  if (!parsed.success) throw new Error(`invalid prefix answer: ${describeIssues(parsed.issues, 1).slice(0, 120)}`);
  const { data } = parsed.output;
  if (data.prefix !== prefix) throw new Error('prefix answer is for another bucket');
  if (data.entries.some((entry) => !entry.hostHash.startsWith(prefix)))
    throw new Error('prefix answer holds a host from another bucket');
  const own = data.entries.filter((entry) => entry.hostHash === ownHash);
  if (own.length > 1) throw new Error('prefix answer lists the host twice');
  const entry = own[0];
  if (!entry) return null;
  return {
    state: entry.state,
    count15: entry.count15,
    ratio: entry.baseline15 > 0 ? entry.count15 / entry.baseline15 : null,
  };
}
