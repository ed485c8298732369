/**
 * The overall cap on automatic notifications, whatever sites they are about: anyone can make many sites fail at once
 * (or own many registrable domains), and each failure must not become an interruption. At most `CAP_COUNT` go out in
 * any `CAP_WINDOW_MS`; the first failure past the cap gets one summary ("more sites are failing, see the history"),
 * and the rest stay quiet (they are still in the history) until the window has room again.
 */
import * as v from 'valibot';

export const CAP_COUNT = 3;
export const CAP_WINDOW_MS = 10 * 60_000;

export const CapStateSchema = v.object({
  /** When each notification counted by the cap went out (epoch ms), only those still inside the window. */
  shown: v.array(v.number()),
  /** When the last summary went out. */
  summaryAt: v.nullable(v.number()),
});
export type CapState = v.InferOutput<typeof CapStateSchema>;
export const EMPTY_CAP: CapState = { shown: [], summaryAt: null };

/** `show` the notification, put up the `summary` instead, or stay `silent`. */
export type CapDecision = 'show' | 'summary' | 'silent';

const inWindow = (at: number, now: number) => now - at < CAP_WINDOW_MS && at <= now;

/**
 * @example
 * admit({ shown: [t, t, t], summaryAt: null }, t + 60_000) // 'summary'
 */
export function admit(state: CapState, now: number): CapDecision {
  if (state.shown.filter((at) => inWindow(at, now)).length < CAP_COUNT) return 'show';
  // One summary per window: a summary still inside it already told the person to look at the history.
  return state.summaryAt !== null && inWindow(state.summaryAt, now) ? 'silent' : 'summary';
}

/** The state after acting on `decision` at `now`, with what fell out of the window dropped. */
export function afterAdmit(state: CapState, decision: CapDecision, now: number): CapState {
  const shown = state.shown.filter((at) => inWindow(at, now));
  if (decision === 'show') return { shown: [...shown, now], summaryAt: state.summaryAt };
  return { shown, summaryAt: decision === 'summary' ? now : state.summaryAt };
}

/** How many notifications the summary stands for: the ones that went out in the window, and the one it replaces. */
export const summaryCount = (state: CapState, now: number) => state.shown.filter((at) => inWindow(at, now)).length + 1;
