/**
 * The local incident log: one entry per failure episode of a host, opened when a verdict names a failure and closed
 * when the host is seen working again. Bounded so it never grows without limit: 500 entries and 30 days.
 */
import * as v from 'valibot';
import { CULPRITS, type Message, type Verdict } from '../diagnose/types.ts';

export const MAX_ENTRIES = 500;
export const RETENTION_MS = 30 * 24 * 60 * 60_000;
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
});
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

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

/**
 * Records a failure verdict: a host with an open entry has it updated (the same episode, perhaps better understood),
 * otherwise a new entry opens. Entries are kept oldest first.
 */
export function recordIncident(
  entries: readonly HistoryEntry[],
  host: string,
  verdict: Verdict,
  now: number,
): HistoryEntry[] {
  const open = entries.findIndex((e) => e.host === host && e.end === null);
  const fields = {
    culprit: verdict.culprit,
    rule: verdict.rule,
    vendor: verdict.vendor,
    colo: verdict.colo,
    evidence: summaryOf(verdict),
  };
  if (open >= 0)
    return prune(
      entries.map((e, i) => (i === open ? { ...e, ...fields } : e)),
      now,
    );
  return prune([...entries, { id: `${now.toString(36)}-${host}`, host, start: now, end: null, ...fields }], now);
}

/** Closes the host's open entry, if any; `changed` says whether there was one (so callers can skip a write). */
export function closeIncident(
  entries: readonly HistoryEntry[],
  host: string,
  now: number,
): { entries: HistoryEntry[]; changed: boolean } {
  const changed = entries.some((e) => e.host === host && e.end === null);
  if (!changed) return { entries: [...entries], changed };
  const next = entries.map((e) => (e.host === host && e.end === null ? { ...e, end: now } : e));
  return { entries: prune(next, now), changed };
}
