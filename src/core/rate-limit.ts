/**
 * A token bucket per key. Pure: the caller passes `now` (ms). Used by the background to cap messages from hostile
 * pages and by the peer service to cap requests per hashed IP.
 *
 * @example
 * const limiter = createRateLimiter({ capacity: 5, refillPerSecond: 1, maxKeys: 1000 });
 * limiter.take('tab:3', Date.now()); // { ok: true } until the bucket is empty, then { ok: false, retryAfterMs }
 */
export interface RateLimiterOptions {
  capacity: number;
  refillPerSecond: number;
  /** Bounds memory when keys are attacker-chosen; the least recently used key is forgotten first. */
  maxKeys: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter({ capacity, refillPerSecond, maxKeys }: RateLimiterOptions) {
  const buckets = new Map<string, Bucket>();

  function take(key: string, now: number): TakeResult {
    const previous = buckets.get(key);
    const elapsed = previous ? Math.max(0, now - previous.at) : 0;
    const tokens = previous ? Math.min(capacity, previous.tokens + (elapsed / 1000) * refillPerSecond) : capacity;
    buckets.delete(key); // re-insert so Map order is least-recently-used first
    if (tokens < 1) {
      buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / refillPerSecond) * 1000) };
    }
    buckets.set(key, { tokens: tokens - 1, at: now });
    if (buckets.size > maxKeys) {
      const oldest = buckets.keys().next();
      if (!oldest.done) buckets.delete(oldest.value);
    }
    return { ok: true };
  }

  return { take, forget: (key: string) => buckets.delete(key), size: () => buckets.size };
}
