/**
 * Group commit: reports that arrive together share one transaction, and each caller's promise settles only
 * after that transaction has committed (so a 202 always means "durably stored").
 */
export interface BatchWriterOptions<In, Out> {
  /** Commits a batch; must return one result per item, in order. */
  commit: (items: In[]) => Promise<Out[]>;
  /** A batch is cut at this many items. */
  maxItems: number;
  /**
   * How long the first item of an idle writer waits for company; 0 = until the event loop's next turn. Items that
   * arrive while a batch commits never wait for this: they go out as soon as it has committed.
   */
  maxWaitMs: number;
  /** Batches committing at once (1 for PGlite, which has a single connection). */
  maxInFlight: number;
  schedule: (run: () => void, ms: number) => void;
  /** Called after every commit attempt, e.g. for metrics. */
  onCommit?: (size: number, milliseconds: number, isOk: boolean) => void;
  now?: () => number;
}

/**
 * Timers for the writer: 0 ms means `setImmediate`, i.e. "after the I/O of this event-loop turn", which gathers every
 * request that arrived together without the ≥ 1 ms of even the shortest setTimeout.
 * @example createBatchWriter({ ..., maxWaitMs: 0, schedule: scheduleBatch });
 */
export function scheduleBatch(run: () => void, ms: number): void {
  if (ms <= 0) setImmediate(run);
  else setTimeout(run, ms);
}

export interface BatchWriter<In, Out> {
  submit(item: In): Promise<Out>;
  /** Commits everything queued without waiting for timers and resolves when nothing is queued or committing. */
  drain(): Promise<void>;
}

interface Pending<In, Out> {
  item: In;
  resolve: (result: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * @example
 * const writer = createBatchWriter({
 *   commit: (r) => store.commitReports(r),
 *   maxItems: 256,
 *   maxWaitMs: 0,
 *   maxInFlight: 1,
 *   schedule: scheduleBatch,
 * });
 * const counted = await writer.submit(report); // resolves after COMMIT
 */
export function createBatchWriter<In, Out>(options: BatchWriterOptions<In, Out>): BatchWriter<In, Out> {
  const queue: Array<Pending<In, Out>> = [];
  const now = options.now ?? Date.now;
  let inFlight = 0;
  let isTimerSet = false;
  let isDraining = false;
  let drainWaiters: Array<() => void> = [];

  function kick(): void {
    if (queue.length === 0 || inFlight >= options.maxInFlight) return;
    if (queue.length >= options.maxItems || isDraining) {
      flush();
    } else if (!isTimerSet) {
      isTimerSet = true;
      options.schedule(() => {
        isTimerSet = false;
        flush();
      }, options.maxWaitMs);
    }
  }

  function flush(): void {
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      const batch = queue.splice(0, options.maxItems);
      inFlight++;
      const startedAt = now();
      options
        .commit(batch.map((pending) => pending.item))
        .then(
          (results) => {
            options.onCommit?.(batch.length, now() - startedAt, true);
            for (const [index, pending] of batch.entries()) pending.resolve(results[index]!);
          },
          (error: unknown) => {
            options.onCommit?.(batch.length, now() - startedAt, false);
            for (const pending of batch) pending.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          if (queue.length > 0) kickAfterCommit();
          else if (inFlight === 0) settleDrain();
        });
    }
  }

  /**
   * Group commit: what queued up while a batch was committing goes out on the next event-loop turn, not after
   * another `maxWaitMs`, so the batch size follows the concurrency instead of a timer. The turn (rather than at
   * once) lets requests whose bytes arrived during the commit be parsed and join: with PGlite the commit ran on
   * this thread, so they have not been read yet.
   */
  function kickAfterCommit(): void {
    if (isTimerSet || inFlight >= options.maxInFlight) return;
    if (queue.length >= options.maxItems || isDraining) {
      flush();
      return;
    }
    isTimerSet = true;
    options.schedule(() => {
      isTimerSet = false;
      flush();
    }, 0);
  }
  function settleDrain(): void {
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    drain() {
      isDraining = true;
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      const drained = new Promise<void>((resolve) => drainWaiters.push(resolve));
      kick();
      return drained;
    },
  };
}
