/**
 * Runs one evidence source under its own time bound and reports how it went. A source that throws is `failed`, one
 * that runs out of time is `timeout`; neither can ever be mistaken for a clean answer.
 */
import type { SourceState } from './types.ts';

export interface SourceClock {
  now: () => number;
  /** An AbortSignal that fires after `ms`. */
  timeout: (ms: number) => AbortSignal;
  /** Resolves after `ms`: the hard stop for a source that ignores its signal. */
  sleep: (ms: number) => Promise<void>;
}

export interface SourceOutcome<T> {
  value: T | null;
  state: SourceState;
}

const GRACE_MS = 150;
const TIMED_OUT: unique symbol = Symbol('timed out');

export async function runSource<T>(
  clock: SourceClock,
  timeoutMs: number,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<SourceOutcome<T>> {
  const started = clock.now();
  const signal = clock.timeout(timeoutMs);
  const hardStop = clock.sleep(timeoutMs + GRACE_MS).then((): typeof TIMED_OUT => TIMED_OUT);
  try {
    const value = await Promise.race([task(signal), hardStop]);
    const ms = clock.now() - started;
    if (value === TIMED_OUT)
      return { value: null, state: { state: 'timeout', ms, reason: `no answer in ${timeoutMs} ms` } };
    return { value, state: { state: 'ok', ms } };
  } catch (error) {
    const ms = clock.now() - started;
    if (error instanceof SourceSkipped) return { value: null, state: { state: 'skipped', ms, reason: error.message } };
    // What the task learnt before time ran out still counts (e.g. "0 of 2 connectivity checks answered").
    if (error instanceof SourceTimedOut)
      return { value: error.partial as T | null, state: { state: 'timeout', ms, reason: error.message } };
    if (signal.aborted) return { value: null, state: { state: 'timeout', ms, reason: `no answer in ${timeoutMs} ms` } };
    return { value: null, state: { state: 'failed', ms, reason: describe(error) } };
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 200);
}

/** Thrown by a task that finds it has nothing to ask (e.g. a vendor with no public status API). */
export class SourceSkipped extends Error {}

/**
 * Thrown by a task whose own requests ran out of time, whichever clock fired first (its signal, or a shared request
 * it joined, like the status fetcher's). `partial` is what it learnt anyway; the task's own type, by construction.
 */
export class SourceTimedOut extends Error {
  constructor(
    message: string,
    readonly partial: unknown = null,
  ) {
    super(message);
  }
}

export const skipped = (reason: string): SourceOutcome<never> => ({
  value: null,
  state: { state: 'skipped', ms: 0, reason },
});
