/**
 * A token bucket per key: a key may spend `capacity` requests at once and earns `refillPerSecond` back. Pure: the
 * caller passes `now` (ms). The background caps each tab's content-script messages with it, and the peer service's
 * salted per-client limiter (server/rate-limit.ts) keeps its buckets in one.
 *
 * @example
 * const limiter = createRateLimiter({ capacity: 5, refillPerSecond: 1, maxKeys: 1000 });
 * limiter.take('tab:3', Date.now()); // { ok: true } until the bucket is empty, then { ok: false, retryAfterMs }
 */
export interface RateLimiterOptions {
  /** Bucket size: how many requests an idle key may send at once. */
  capacity: number;
  refillPerSecond: number;
  /**
   * Bounds memory when keys are attacker-chosen; the least recently used key is forgotten first. Forgetting a key
   * gives it a full bucket again, so the bound fails open.
   */
  maxKeys: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string, now: number): TakeResult;
  /** How many keys are remembered. */
  size(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter({ capacity, refillPerSecond, maxKeys }: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();

  function take(key: string, now: number): TakeResult {
    const previous = buckets.get(key);
    const elapsed = previous ? Math.max(0, now - previous.at) : 0;
    const tokens = previous ? Math.min(capacity, previous.tokens + (elapsed / 1000) * refillPerSecond) : capacity;
    buckets.delete(key); // re-insert so Map order is least-recently-used first, which is what the eviction drops
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

  return { take, size: () => buckets.size };
}
