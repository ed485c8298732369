/**
 * Local correlation: failures this browser saw on unrelated sites behind the same CDN, in a sliding window. Three
 * unrelated registrable domains failing on one vendor within minutes is a CDN incident whether or not its status page
 * says so yet (on 18 Nov 2025 it said so 28 minutes late, and was itself unreachable for a while).
 */
import type { Vendor } from '../detect/types.ts';
import type { CorrelationFacts, PageFacts } from './types.ts';

const CORRELATION_WINDOW_MS = 10 * 60_000;
/** Bounds storage whatever a person (or a page opening many sites) does. */
const MAX_RECORDS = 200;

export interface FailureRecord {
  /** Registrable domain, so shop.example and cdn.shop.example count once. */
  site: string;
  vendor: Vendor;
  colo: string | null;
  kind: PageFacts['kind'];
  at: number;
}

/** Kinds that say "the server side failed"; blocks and challenges are per-visitor and say nothing about an outage. */
const CORRELATED_KINDS = new Set<PageFacts['kind']>(['origin-error', 'edge-error', 'challenge-failed']);

/** Adds a failure to the log, dropping what fell out of the window and keeping one (the latest) per site. */
export function recordFailure(
  log: readonly FailureRecord[],
  record: FailureRecord,
  now: number,
  windowMs = CORRELATION_WINDOW_MS,
): FailureRecord[] {
  const fresh = log.filter((r) => now - r.at <= windowMs && !(r.site === record.site && r.vendor === record.vendor));
  return [...fresh, record].slice(-MAX_RECORDS);
}

export function correlate(
  log: readonly FailureRecord[],
  subject: { site: string; vendor: Vendor | null; colo: string | null },
  now: number,
  windowMs = CORRELATION_WINDOW_MS,
): CorrelationFacts {
  if (!subject.vendor) return { hosts: 1, sameColo: false };
  const related = log.filter(
    (r) => r.vendor === subject.vendor && now - r.at <= windowMs && CORRELATED_KINDS.has(r.kind),
  );
  const sites = new Set([subject.site, ...related.map((r) => r.site)]);
  const others = related.filter((r) => r.site !== subject.site);
  const sameColo = subject.colo !== null && others.length > 0 && others.every((r) => r.colo === subject.colo);
  return { hosts: sites.size, sameColo };
}

export const isCorrelatedKind = (kind: PageFacts['kind']) => CORRELATED_KINDS.has(kind);
