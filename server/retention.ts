import { describeError } from './respond.ts';
import type { ReportStore } from './store/report-store.ts';

/**
 * Deletes old buckets and expired dedupe keys now and then every `intervalMs`. Returns a stop function.
 * Several nodes running it at once is harmless (the deletes are idempotent).
 * @example const stop = startRetention({ store, keepDays: 8, intervalMs: 3_600_000, now: Date.now });
 */
export function startRetention(options: {
  store: ReportStore;
  keepDays: number;
  intervalMs: number;
  now: () => number;
}): () => void {
  const run = (): void => {
    options.store
      .deleteExpired(Math.floor(options.now() / 60_000), options.keepDays * 1440)
      .then(({ buckets, dedupeKeys }) =>
        console.log(`[retention] deleted ${buckets} buckets, ${dedupeKeys} dedupe keys`),
      )
      .catch((error: unknown) => console.error('[retention] failed', describeError(error)));
  };
  run();
  const timer = setInterval(run, options.intervalMs);
  // The job must never be what keeps the process alive during shutdown.
  timer.unref();
  return () => clearInterval(timer);
}
