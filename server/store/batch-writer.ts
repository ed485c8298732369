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
  /**
   * True when `commit` waits on another process (PostgreSQL): the requests that arrived meanwhile have already been
   * parsed and queued, so the next batch goes out the moment a commit ends, before its callers are answered, and
   * the database is not left idle while this thread writes responses. False (PGlite, whose commit runs on this
   * thread): the next batch waits one event-loop turn so that requests still unread can be parsed and join it.
   */
  isCommitOffThread?: boolean;
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
 * const writer = createBatchWriter({ commit: (r) => store.commitReports(r), maxItems: 256, maxWaitMs: 0, maxInFlight: 1, schedule: scheduleBatch });
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
      options.commit(batch.map((pending) => pending.item)).then(
        (results) => {
          endCommit(batch.length, startedAt, true);
          batch.forEach((pending, index) => pending.resolve(results[index]!));
          if (queue.length === 0 && inFlight === 0) settleDrain();
        },
        (error: unknown) => {
          endCommit(batch.length, startedAt, false);
          for (const pending of batch) pending.reject(error);
          if (queue.length === 0 && inFlight === 0) settleDrain();
        },
      );
    }
  }

  /** Frees the slot and sends what queued meanwhile, before the finished batch's callers are answered. */
  function endCommit(size: number, startedAt: number, isOk: boolean): void {
    options.onCommit?.(size, now() - startedAt, isOk);
    inFlight--;
    if (queue.length > 0) kickAfterCommit();
  }

  /**
   * Group commit: what queued up while a batch was committing goes out at once (commit off this thread) or on the
   * next event-loop turn (see `isCommitOffThread`), never after another `maxWaitMs`, so the batch size follows the
   * concurrency instead of a timer.
   */
  function kickAfterCommit(): void {
    if (isTimerSet || inFlight >= options.maxInFlight) return;
    if (queue.length >= options.maxItems || isDraining || options.isCommitOffThread) return flush();
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
