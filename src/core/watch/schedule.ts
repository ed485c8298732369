/**
 * "Tell me when it's back": a per-host watch that re-probes with back-off. Early checks are close together because
 * most outages are short; later ones spread out so a long outage costs a handful of requests an hour, and after a day
 * the watch gives up (the person has long moved on, and we must not probe a site forever).
 */
import type { Culprit, ProbeFacts } from '../diagnose/types.ts';

/** Waiting helps when the site, its CDN or the network failed; not for a block or a check aimed at you. */
export const WATCHABLE_CULPRITS: ReadonlySet<Culprit> = new Set(['site', 'cdn', 'network']);

const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 10 * 60_000;
export const WATCH_LIFETIME_MS = 24 * 60 * 60_000;

export interface Watch {
  host: string;
  /** The address re-fetched: the page that failed (the site sees only its own URL). */
  url: string;
  /** The tab it failed in, to focus when the site is back; it may be closed by then. */
  tabId: number | null;
  startedAt: number;
  /** Probes made so far. */
  attempts: number;
  /** When the next probe is due (epoch ms); the alarm is set for this. */
  nextAt: number;
}

/** 30 s, 60 s, 2 min, 4 min, 8 min, then every 10 min. */
export function delayAfter(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts), MAX_DELAY_MS);
}

export function startWatch(host: string, url: string, tabId: number | null, now: number): Watch {
  return { host, url, tabId, startedAt: now, attempts: 0, nextAt: now + delayAfter(0) };
}

export type ProbeOutcome = ProbeFacts['origin'] | 'timeout';

export type WatchStep =
  | { kind: 'back'; watch: Watch }
  | { kind: 'again'; watch: Watch }
  | { kind: 'expired'; watch: Watch };

/**
 * What to do after a probe. Back means a plain answer from the site: not a CDN error page, not a server error, not
 * silence. Anything else schedules the next probe, unless that would fall past the watch's lifetime.
 * @example nextStep(watch, 'ok', now).kind // 'back'
 */
export function nextStep(watch: Watch, outcome: ProbeOutcome, now: number): WatchStep {
  if (outcome === 'ok') return { kind: 'back', watch };
  const attempts = watch.attempts + 1;
  const nextAt = now + delayAfter(attempts);
  if (nextAt - watch.startedAt > WATCH_LIFETIME_MS) return { kind: 'expired', watch: { ...watch, attempts } };
  return { kind: 'again', watch: { ...watch, attempts, nextAt } };
}

/** Past its lifetime, e.g. after the browser was closed for a day: the watch ends without another probe. */
export const isExpired = (watch: Watch, now: number) => now - watch.startedAt > WATCH_LIFETIME_MS;
