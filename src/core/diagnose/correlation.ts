/**
 * Local correlation: failures this browser saw on unrelated sites behind the same CDN, in a sliding window. Three
 * unrelated sites failing on one vendor within minutes is a CDN incident whether or not its status page says so yet
 * (on 18 Nov 2025 it said so 28 minutes late, and was itself unreachable for a while).
 *
 * A page's body, headers and host name are the site's to choose, so none of them alone puts a failure in the log:
 * the extension's own re-fetch must fail too (`isConfirmedFailure`), and sites are counted by a key an attacker cannot
 * multiply cheaply (correlation-key.ts), with one navigation chain counting once. docs/threat-model.md says what
 * this buys and what it does not.
 */
import type { Vendor } from '../detect/types.ts';
import type { CorrelationFacts, PageFacts, ProbeFacts } from './types.ts';

const CORRELATION_WINDOW_MS = 10 * 60_000;
/** Bounds storage whatever a person (or a page opening many sites) does. */
const MAX_RECORDS = 200;

export interface FailureRecord {
  /** The failing host's counting key (correlation-key.ts), so shop.example and a.shop.example count once. */
  site: string;
  /** The counting key of the page that started its navigation chain (itself when none did): a chain counts once. */
  chain: string;
  vendor: Vendor;
  colo: string | null;
  kind: PageFacts['kind'];
  at: number;
}

/** What a verdict is correlated for: the failing page's keys, or null when the page does not count. */
export interface CorrelationSubject {
  site: string;
  chain: string;
  vendor: Vendor | null;
  colo: string | null;
}

/** Kinds that say "the server side failed"; blocks and challenges are per-visitor and say nothing about an outage. */
const CORRELATED_KINDS = new Set<PageFacts['kind']>(['origin-error', 'edge-error', 'challenge-failed']);

export const isCorrelatedKind = (kind: PageFacts['kind']) => CORRELATED_KINDS.has(kind);

/** A main-frame status that says the page failed; 2xx, 3xx and an unknown status never count, whatever the body. */
export const isErrorStatus = (status: number | null): status is number => status !== null && status >= 400;

/** The extension's own cookieless re-fetch failed too (a 5xx, the CDN's error, no answer): not the page's word alone. */
export const isConfirmedFailure = (refetch: ProbeFacts['origin']) =>
  refetch === 'cdn-error' || refetch === 'origin-error' || refetch === 'unreachable';

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

/** Groups keys that a record joins (its site and its chain): each group is one unrelated site. */
function groupsOf(pairs: readonly (readonly [string, string])[]) {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  for (const [a, b] of pairs) {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  return find;
}

export function correlate(
  log: readonly FailureRecord[],
  subject: CorrelationSubject,
  now: number,
  windowMs = CORRELATION_WINDOW_MS,
): CorrelationFacts {
  if (!subject.vendor) return { hosts: 1, sameColo: false };
  const related = log.filter(
    (r) => r.vendor === subject.vendor && now - r.at <= windowMs && CORRELATED_KINDS.has(r.kind),
  );
  const group = groupsOf([[subject.site, subject.chain], ...related.map((r) => [r.site, r.chain] as const)]);
  const own = group(subject.site);
  const others = related.filter((r) => group(r.site) !== own);
  const hosts = new Set([own, ...others.map((r) => group(r.site))]).size;
  const sameColo = subject.colo !== null && others.length > 0 && others.every((r) => r.colo === subject.colo);
  return { hosts, sameColo };
}
