/**
 * A value computed from the store and served from memory, refreshed at most every `maxAgeMs`: the lookup snapshot
 * and the CDN radar both cost one read per refresh per node, however many clients ask.
 * Stale-while-revalidate: a value older than `maxAgeMs` is still served (while one refresh runs) until it is
 * `staleLimitMs` old; past that, callers wait for a fresh one, and fail if the store cannot give it.
 */
export interface RefreshingValue<T> {
  get(): Promise<T>;
}

/**
 * @example
 * const radar = createRefreshingValue({ load: () => readRadar(), now: Date.now, maxAgeMs: 5000, staleLimitMs: 60_000 });
 * const view = await radar.get();
 */
export function createRefreshingValue<T>(options: {
  /** Gets the previous value, if any, so a load can keep what did not change. */
  load: (previous: T | null) => Promise<T>;
  now: () => number;
  maxAgeMs: number;
  staleLimitMs: number;
  onError?: (error: unknown) => void;
}): RefreshingValue<T> {
  let current: { value: T; takenAt: number } | null = null;
  let refreshing: Promise<T> | null = null;

  function refresh(): Promise<T> {
    refreshing ??= (async () => {
      const takenAt = options.now();
      const value = await options.load(current?.value ?? null);
      current = { value, takenAt };
      return value;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    async get() {
      // A clock that stepped backwards (NTP) makes the age negative: treat that value as unusable too.
      const age = current ? options.now() - current.takenAt : Number.POSITIVE_INFINITY;
      if (current === null || age < 0 || age >= options.staleLimitMs) return refresh();
      if (age >= options.maxAgeMs) refresh().catch((error: unknown) => options.onError?.(error));
      return current.value;
    },
  };
}
