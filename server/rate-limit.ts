/**
 * Per-IP token bucket. IPs are keyed by a salted hash; the salt lives only in memory and is replaced every
 * `rotateMs` (the map is cleared with it), so no IP, and no stable pseudonym of one, is ever stored or kept for long.
 */
import { hash, randomBytes } from 'node:crypto';

export interface RateLimitOptions {
  /** Tokens refilled per second. */
  ratePerSecond: number;
  /** Bucket size: how many requests an idle IP may send at once. */
  burst: number;
  /** Most IPs tracked at once; the oldest are forgotten beyond that (forgetting = a full bucket, so it fails open). */
  maxKeys: number;
  rotateMs: number;
  now: () => number;
}

export type RateDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /**
   * @param connection the connection the request came on, if any: its key is then remembered for the connection's
   *   life (keep-alive clients send many requests on one), so the hash is not recomputed per request.
   */
  take(ip: string, connection?: object): RateDecision;
}

/** Generous enough for a NAT or CGNAT address shared by many extension users; each install sends few requests. */
export const DEFAULT_RATE_LIMIT: Omit<RateLimitOptions, 'now'> = {
  ratePerSecond: 2,
  burst: 60,
  maxKeys: 100_000,
  rotateMs: 24 * 60 * 60 * 1000,
};

/**
 * @example
 * const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMIT, now: Date.now });
 * if (!limiter.take(ip).isAllowed) return tooManyRequests();
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  // Hex text so it can be prefixed to the IP for one-shot crypto.hash (no Hash object per request).
  let salt = randomBytes(32).toString('hex');
  let saltSince = options.now();
  let buckets = new Map<string, { tokens: number; at: number }>();
  // Held by the connection object, so an entry lives exactly as long as the connection it describes. The address is
  // kept only to notice a different client on the same connection (a load balancer's X-Forwarded-For).
  const connectionKeys = new WeakMap<object, { salt: string; ip: string; key: string }>();

  function keyOf(ip: string, connection: object | undefined): string {
    const known = connection === undefined ? undefined : connectionKeys.get(connection);
    if (known !== undefined && known.salt === salt && known.ip === ip) return known.key;
    const key = hash('sha256', salt + ip, 'base64url').slice(0, 22);
    if (connection !== undefined) connectionKeys.set(connection, { salt, ip, key });
    return key;
  }

  return {
    take(ip, connection) {
      const now = options.now();
      if (now - saltSince >= options.rotateMs) {
        salt = randomBytes(32).toString('hex');
        saltSince = now;
        buckets = new Map();
      }
      const key = keyOf(ip, connection);
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
      const tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.ratePerSecond);
      // Re-insert so Map order is least-recently-used first, which is what the eviction below drops.
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / options.ratePerSecond)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > options.maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      return { isAllowed: true };
    },
  };
}
