/**
 * When a verdict earns a notification. A notification interrupts someone who is doing something else, so the bar is
 * high: a failure that something besides the page itself confirms, on the site or its CDN, or an incident across a
 * CDN. Per-visitor pages (blocks, bot checks), spoof-looking pages, normal pages and tabs the person never looked at
 * stay quiet, and each host or incident is announced at most once per half hour.
 */
import type { EvidenceItem, Verdict } from '../diagnose/types.ts';

type NotificationMode = 'off' | 'errors' | 'cdn-wide';

export const DEDUPE_WINDOW_MS = 30 * 60_000;
const MIN_CONFIDENCE = 0.7;

/** Rows that say "this CDN is failing for many sites", whatever the status page says. */
const CDN_WIDE_RULES = new Set(['cdn-correlated', 'challenge-cdn-wide']);

/**
 * Evidence from a source other than the page that agrees something failed: the stranger's re-fetch failed too, a
 * status page admits it, other sites or other people see it, or public DNS cannot resolve the host.
 */
const CORROBORATING = new Set([
  'ev_origin_cdn_error',
  'ev_origin_origin_error',
  'ev_origin_unreachable',
  'ev_statusColoIncident',
  'ev_statusServiceIncident',
  'ev_siteStatusIncident',
  'ev_siteStatusTrouble',
  'ev_dohNxdomain',
]);
/** These corroborate only at the weight that means "past the threshold" (see core/diagnose/evidence.ts). */
const CORROBORATING_AT: Record<string, number> = {
  ev_correlated: 0.8,
  ev_peers: 0.7,
  ev_peersNoRatio: 0.7,
  ev_statusColo: 0.9,
  ev_statusService: 0.8,
};

const corroborates = (item: EvidenceItem) =>
  item.source !== 'page' &&
  (CORROBORATING.has(item.observed.key) || item.weight >= (CORROBORATING_AT[item.observed.key] ?? Infinity));

export const isCorroborated = (verdict: Verdict): boolean => verdict.evidence.some(corroborates);

/** A CDN-side incident across sites: correlated locally, or admitted by the vendor's own status page. */
export const isCdnWide = (verdict: Verdict): boolean =>
  verdict.culprit === 'cdn' && (CDN_WIDE_RULES.has(verdict.rule) || verdict.acknowledged === 'yes');

export interface NotifyInput {
  verdict: Verdict;
  host: string;
  /** The page only looked like a CDN page (headers did not confirm it). */
  unconfirmed: boolean;
  /** The tab is active, or has been since it was opened. */
  seen: boolean;
  mode: NotificationMode;
  /** Dedupe key → when it last notified (epoch ms). */
  sent: Readonly<Record<string, number>>;
  now: number;
}

export type NotifyDecision =
  | { notify: true; kind: 'error' | 'cdn-wide'; keys: string[] }
  | {
      notify: false;
      reason:
        | 'off'
        | 'not-a-failure'
        | 'unconfirmed'
        | 'low-confidence'
        | 'uncorroborated'
        | 'mode'
        | 'duplicate'
        | 'unseen';
    };

export const hostKey = (host: string) => `host:${host}`;
export const incidentKey = (v: Verdict) => `cdn:${v.vendor ?? ''}:${v.colo ?? ''}:${v.rule}`;

/**
 * @example
 * decideNotification({ verdict, host: 'shop.example', unconfirmed: false, seen: true, mode: 'errors', sent: {}, now })
 * // { notify: true, kind: 'error', keys: ['host:shop.example'] }
 */
export function decideNotification({ verdict, host, unconfirmed, seen, mode, sent, now }: NotifyInput): NotifyDecision {
  if (mode === 'off') return { notify: false, reason: 'off' };
  if (verdict.culprit !== 'site' && verdict.culprit !== 'cdn') return { notify: false, reason: 'not-a-failure' };
  if (unconfirmed || verdict.rule === 'unconfirmed') return { notify: false, reason: 'unconfirmed' };
  if (verdict.confidence < MIN_CONFIDENCE) return { notify: false, reason: 'low-confidence' };
  const cdnWide = isCdnWide(verdict);
  if (!cdnWide && !isCorroborated(verdict)) return { notify: false, reason: 'uncorroborated' };
  if (mode === 'cdn-wide' && !cdnWide) return { notify: false, reason: 'mode' };
  const keys = cdnWide ? [incidentKey(verdict), hostKey(host)] : [hostKey(host)];
  // One incident is one notification, however many of its sites fail; a host already announced stays quiet too.
  const recent = (key: string) => now - (sent[key] ?? -Infinity) < DEDUPE_WINDOW_MS;
  if (cdnWide ? recent(keys[0]!) : recent(hostKey(host))) return { notify: false, reason: 'duplicate' };
  if (!seen) return { notify: false, reason: 'unseen' };
  return { notify: true, kind: cdnWide ? 'cdn-wide' : 'error', keys };
}

/** Records a notification under its keys and drops entries older than the window, so the map stays small. */
export function recordSent(
  sent: Readonly<Record<string, number>>,
  keys: readonly string[],
  now: number,
): Record<string, number> {
  const kept = Object.entries(sent).filter(([, at]) => now - at < DEDUPE_WINDOW_MS);
  return Object.fromEntries([...kept, ...keys.map((key) => [key, now] as const)]);
}
