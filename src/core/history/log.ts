/**
 * The local incident log: one entry per failure episode of a site, opened when a verdict names a failure and closed
 * when the site is seen working again. Bounded so it never grows without limit: 500 entries and 30 days.
 *
 * Whoever runs a site can mint any number of host names under it, and a log kept per host would let one site flush
 * the person's own entries (30 or 3000 failing subdomains). So failures of one registrable domain within
 * `FAMILY_WINDOW_MS` of each other are one entry, which counts the hosts it covers.
 */
import * as v from 'valibot';
import { CULPRITS, type Message, type Verdict } from '../diagnose/types.ts';
import { asciiHost, siteOf } from '../notify/display.ts';

export const MAX_ENTRIES = 500;
export const RETENTION_MS = 30 * 24 * 60 * 60_000;
/** A failure this soon after an entry of the same site ended continues that episode rather than opening one. */
export const FAMILY_WINDOW_MS = 30 * 60_000;
/** Host names an entry remembers (to close it when one works again); enough for a real site's few. */
export const HOSTS_KEPT = 20;
/** The strongest few evidence items; enough to recall why, small enough for 500 entries in storage.local. */
const EVIDENCE_KEPT = 3;

const MessageSchema = v.object({ key: v.string(), params: v.record(v.string(), v.union([v.string(), v.number()])) });

export const HistoryEntrySchema = v.object({
  id: v.string(),
  host: v.string(),
  culprit: v.picklist(CULPRITS),
  rule: v.string(),
  vendor: v.nullable(v.string()),
  colo: v.nullable(v.string()),
  start: v.number(),
  end: v.nullable(v.number()),
  evidence: v.array(MessageSchema),
  /** Only on an entry that covers more than one host: its registrable domain, the latest hosts and how many failed. */
  family: v.optional(v.object({ site: v.string(), hosts: v.array(v.string()), count: v.number() })),
});
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

/** The hosts an entry covers, as far as it remembers them. */
export const hostsOf = (e: HistoryEntry): readonly string[] => e.family?.hosts ?? [e.host];
/** How many distinct hosts failed in the entry's episode. */
export const hostCountOf = (e: HistoryEntry): number => e.family?.count ?? 1;
/**
 * What a person reads as the entry's name: the host, or the registrable domain for an entry of several hosts.
 * @example entryName({ ...entry, host: 'a.evil.example', family: { site: 'evil.example', hosts, count: 30 } }) // 'evil.example'
 */
export const entryName = (e: HistoryEntry): string => e.family?.site ?? e.host;

/** Verdicts that are not incidents: a normal page, a routine bot check, a page that only imitates a CDN page. */
const NOT_INCIDENTS = new Set(['none', 'challenge', 'unconfirmed']);
export const isIncident = (verdict: Verdict) => verdict.culprit !== 'none' && !NOT_INCIDENTS.has(verdict.rule);

/** Drops entries past the retention window (by their last activity), then the oldest beyond the cap. */
export function prune(entries: readonly HistoryEntry[], now: number): HistoryEntry[] {
  const fresh = entries.filter((e) => now - (e.end ?? e.start) <= RETENTION_MS);
  return fresh.slice(Math.max(0, fresh.length - MAX_ENTRIES));
}

const summaryOf = (verdict: Verdict): Message[] =>
  [...verdict.evidence]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, EVIDENCE_KEPT)
    .map((e) => e.observed);

/** The entry a failure of `host` at `now` continues: its site's open entry, or one that ended within the window. */
function continuedBy(entries: readonly HistoryEntry[], host: string, now: number): number {
  const site = siteOf(host);
  return entries.findLastIndex((e) => siteOf(e.host) === site && (e.end === null || now - e.end < FAMILY_WINDOW_MS));
}

/** The entry with `host` counted in it: a host it has not seen makes it a family entry, one more host strong. */
function withHost(e: HistoryEntry, host: string): HistoryEntry {
  const hosts = hostsOf(e);
  if (hosts.includes(host)) return e;
  return {
    ...e,
    family: { site: siteOf(e.host), hosts: [...hosts, host].slice(-HOSTS_KEPT), count: hostCountOf(e) + 1 },
  };
}

/**
 * Records a failure verdict: the site's open entry (or one that ended moments ago) is continued, with the verdict's
 * latest understanding and the host counted in; otherwise a new entry opens. Entries are kept oldest first.
 */
export function recordIncident(
  entries: readonly HistoryEntry[],
  failedHost: string,
  verdict: Verdict,
  now: number,
): HistoryEntry[] {
  const host = asciiHost(failedHost);
  const continued = continuedBy(entries, host, now);
  const fields = {
    culprit: verdict.culprit,
    rule: verdict.rule,
    vendor: verdict.vendor,
    colo: verdict.colo,
    evidence: summaryOf(verdict),
  };
  if (continued >= 0)
    return prune(
      entries.map((e, i) => (i === continued ? { ...withHost(e, host), ...fields, end: null } : e)),
      now,
    );
  return prune([...entries, { id: `${now.toString(36)}-${host}`, host, start: now, end: null, ...fields }], now);
}

/**
 * Closes the open entry that covers the host, if any; `changed` says whether there was one (so callers can skip a
 * write).
 */
export function closeIncident(
  entries: readonly HistoryEntry[],
  host: string,
  now: number,
): { entries: HistoryEntry[]; changed: boolean } {
  const covers = (e: HistoryEntry) => e.end === null && hostsOf(e).includes(host);
  const changed = entries.some(covers);
  if (!changed) return { entries: [...entries], changed };
  const next = entries.map((e) => (covers(e) ? { ...e, end: now } : e));
  return { entries: prune(next, now), changed };
}
