/**
 * The peer service's per-network limit: core's token bucket, keyed by a salted hash of the client's network (an IPv4
 * /24 or IPv6 /56, network-key.ts), so one host cannot multiply its budget by taking more addresses. The salt
 * lives only in memory and is replaced every `rotateMs` (the buckets go with it), so no address, and no stable
 * pseudonym of one, is ever stored or kept for long.
 */
import { hash, randomBytes } from 'node:crypto';
import { createRateLimiter, type RateLimiterOptions, type TakeResult } from '../src/core/rate-limit.ts';
import { networkOf } from './network-key.ts';

export interface SaltedRateLimiterOptions extends RateLimiterOptions {
  rotateMs: number;
  now: () => number;
}

export interface SaltedRateLimiter {
  /**
   * @param connection the connection the request came on, if any: its key is then remembered for the connection's
   *   life (keep-alive clients send many requests on one), so the hash is not recomputed per request.
   */
  take(ip: string, connection?: object): TakeResult;
}

/**
 * @example
 * const limiter = createSaltedRateLimiter({ ...rateLimitOf(config), now: Date.now });
 * if (!limiter.take(ip).ok) return tooManyRequests();
 */
export function createSaltedRateLimiter(options: SaltedRateLimiterOptions): SaltedRateLimiter {
  // Hex text so it can be prefixed to the IP for one-shot crypto.hash (no Hash object per request).
  let salt = randomBytes(32).toString('hex');
  let saltSince = options.now();
  let buckets = createRateLimiter(options);
  // Held by the connection object, so an entry lives exactly as long as the connection it describes. The address is
  // kept only to notice a different client on the same connection (a load balancer's X-Forwarded-For).
  const connectionKeys = new WeakMap<object, { salt: string; ip: string; key: string }>();

  function keyOf(ip: string, connection: object | undefined): string {
    const known = connection === undefined ? undefined : connectionKeys.get(connection);
    if (known !== undefined && known.salt === salt && known.ip === ip) return known.key;
    const key = hash('sha256', salt + networkOf(ip), 'base64url').slice(0, 22);
    if (connection !== undefined) connectionKeys.set(connection, { salt, ip, key });
    return key;
  }

  return {
    take(ip, connection) {
      const now = options.now();
      if (now - saltSince >= options.rotateMs) {
        salt = randomBytes(32).toString('hex');
        saltSince = now;
        buckets = createRateLimiter(options);
      }
      return buckets.take(keyOf(ip, connection), now);
    },
  };
}
