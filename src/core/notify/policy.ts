/**
 * When a verdict earns a notification. A notification interrupts someone who is doing something else, so the bar is
 * high: a failure that something besides the page itself confirms, on the site or its CDN, or an incident across a
 * CDN. Per-visitor pages (blocks, bot checks), spoof-looking pages, normal pages and tabs the person never looked at
 * stay quiet, and each site (registrable domain, since its owner can mint any number of host names under it) or
 * incident is announced at most once per half hour. The overall cap (cap.ts) and what a notification may show of a
 * site (display.ts) sit beside this.
 */
import type { EvidenceItem, Message, Verdict } from '../diagnose/types.ts';
import { displayMessage, siteOf } from './display.ts';

type NotificationMode = 'off' | 'errors' | 'cdn-wide';

export const DEDUPE_WINDOW_MS = 30 * 60_000;
const MIN_CONFIDENCE = 0.7;

/** Rows that say "this CDN is failing for many sites", whatever the status page says. */
const CDN_WIDE_RULES = new Set(['cdn-correlated', 'challenge-cdn-wide', 'cdn-radar', 'challenge-radar']);

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
  'ev_radarOutage',
]);
/** These corroborate only at the weight that means "past the threshold" (see core/diagnose/evidence.ts). */
const CORROBORATING_AT: Record<string, number> = {
  ev_correlated: 0.8,
  ev_peers: 0.7,
  ev_peersNoRatio: 0.7,
  ev_statusColo: 0.9,
  ev_statusService: 0.8,
};

const corroborates = (item: EvidenceItem, keys: ReadonlySet<string>, at: Readonly<Record<string, number>>) =>
  item.source !== 'page' && (keys.has(item.observed.key) || item.weight >= (at[item.observed.key] ?? Infinity));

/**
 * Evidence that a CDN is failing beyond this browser: its own status page, the crowd (per site or the CDN radar), or
 * the extension's re-fetch
 * failing the same way (a server error again; it reads headers only, so a CDN's own 500 page reads as an origin
 * error). Local correlation is not among them: it counts only pages this browser saw, and whoever runs a few hosts can
 * make those agree (CDN headers cost nothing to forge), so it may not vouch for its own claim.
 */
const CDN_WIDE_CORROBORATING = new Set([
  'ev_origin_cdn_error',
  'ev_origin_origin_error',
  'ev_statusColoIncident',
  'ev_statusServiceIncident',
  // The radar counts sites across many networks (core/radar/breadth.ts), which no few hosts can fake.
  'ev_radarOutage',
]);
const CDN_WIDE_CORROBORATING_AT: Record<string, number> = {
  ev_peers: 0.7,
  ev_peersNoRatio: 0.7,
  ev_statusColo: 0.9,
  ev_statusService: 0.8,
};

const isCdnWideRule = (verdict: Verdict) => verdict.culprit === 'cdn' && CDN_WIDE_RULES.has(verdict.rule);

/** Something besides the page agrees the site failed; for a CDN-wide rule, correlation (its own basis) does not count. */
export const isCorroborated = (verdict: Verdict): boolean =>
  verdict.evidence.some(
    (item) =>
      corroborates(item, CORROBORATING, CORROBORATING_AT) &&
      !(isCdnWideRule(verdict) && item.observed.key === 'ev_correlated'),
  );

const isCdnWideCorroborated = (verdict: Verdict): boolean =>
  verdict.acknowledged === 'yes' ||
  verdict.evidence.some((item) => corroborates(item, CDN_WIDE_CORROBORATING, CDN_WIDE_CORROBORATING_AT));

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

/** Every host of one registrable domain shares the key, so 30 subdomains of one site are one notification. */
export const siteKey = (host: string) => `site:${siteOf(host)}`;
export const incidentKey = (v: Verdict) => `cdn:${v.vendor ?? ''}:${v.colo ?? ''}:${v.rule}`;

/**
 * @example
 * decideNotification({ verdict, host: 'shop.example', unconfirmed: false, seen: true, mode: 'errors', sent: {}, now })
 * // { notify: true, kind: 'error', keys: ['site:shop.example'] }
 */
export function decideNotification({ verdict, host, unconfirmed, seen, mode, sent, now }: NotifyInput): NotifyDecision {
  if (mode === 'off') return { notify: false, reason: 'off' };
  if (verdict.culprit !== 'site' && verdict.culprit !== 'cdn') return { notify: false, reason: 'not-a-failure' };
  if (unconfirmed || verdict.rule === 'unconfirmed') return { notify: false, reason: 'unconfirmed' };
  if (verdict.confidence < MIN_CONFIDENCE) return { notify: false, reason: 'low-confidence' };
  // A CDN-wide claim nothing outside this browser backs is still one site failing, if that much is corroborated.
  const cdnWide = isCdnWide(verdict) && isCdnWideCorroborated(verdict);
  if (!cdnWide && !isCorroborated(verdict)) return { notify: false, reason: 'uncorroborated' };
  if (mode === 'cdn-wide' && !cdnWide) return { notify: false, reason: 'mode' };
  const site = siteKey(host);
  const keys = cdnWide ? [incidentKey(verdict), site] : [site];
  // One incident is one notification, however many of its sites fail; a site already announced stays quiet too.
  const recent = (key: string) => now - (sent[key] ?? -Infinity) < DEDUPE_WINDOW_MS;
  if (recent(keys[0]!)) return { notify: false, reason: 'duplicate' };
  if (!seen) return { notify: false, reason: 'unseen' };
  return { notify: true, kind: cdnWide ? 'cdn-wide' : 'error', keys };
}

/**
 * What a notification of `kind` says about the verdict, fit to show (display.ts). A CDN-wide verdict notified as one
 * site's failure says only that the CDN failed to serve that site.
 */
export function notificationText(
  verdict: Verdict,
  kind: 'error' | 'cdn-wide',
): { headline: Message; explanation: Message } {
  const asOneSite = kind === 'error' && isCdnWide(verdict);
  return {
    headline: displayMessage(asOneSite ? { ...verdict.headline, key: 'verdict_cdnEdge' } : verdict.headline),
    explanation: displayMessage(asOneSite ? { ...verdict.explanation, key: 'explain_cdnEdge' } : verdict.explanation),
  };
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
