import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

function limiterAt(start = 0) {
  const clock = { now: start };
  const limiter = createRateLimiter({ ratePerSecond: 1, burst: 3, maxKeys: 2, rotateMs: 60_000, now: () => clock.now });
  return { clock, limiter };
}

describe('createRateLimiter', () => {
  it('allows the burst, then refuses with a Retry-After until tokens refill', () => {
    const { clock, limiter } = limiterAt();
    expect([1, 2, 3].map(() => limiter.take('1.2.3.4').isAllowed)).toEqual([true, true, true]);
    expect(limiter.take('1.2.3.4')).toEqual({ isAllowed: false, retryAfterSeconds: 1 });
    clock.now += 1000;
    expect(limiter.take('1.2.3.4').isAllowed).toBe(true);
    expect(limiter.take('1.2.3.4').isAllowed).toBe(false);
  });

  it('keeps IPs apart', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.take('10.0.0.1');
    expect(limiter.take('10.0.0.1').isAllowed).toBe(false);
    expect(limiter.take('10.0.0.2').isAllowed).toBe(true);
  });

  it('forgets the least recently seen IP beyond maxKeys (fails open, stays bounded)', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // evicts 'a'
    expect(limiter.take('a').isAllowed).toBe(true);
  });

  it('starts afresh when the salt rotates', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.take('a');
    clock.now += 60_000;
    expect(limiter.take('a').isAllowed).toBe(true);
  });

  it('a connection keeps its key across requests, yet different clients behind one connection stay apart', () => {
    const { clock, limiter } = limiterAt();
    const connection = {};
    for (let i = 0; i < 3; i++) limiter.take('10.0.0.1', connection);
    expect(limiter.take('10.0.0.1', connection).isAllowed).toBe(false);
    expect(limiter.take('10.0.0.1').isAllowed).toBe(false); // the same key with or without the connection
    // A load balancer's connection carries many clients (X-Forwarded-For): each keeps its own bucket.
    expect(limiter.take('10.0.0.2', connection).isAllowed).toBe(true);
    // After the salt rotates the remembered key is not reused: the bucket starts afresh under the new key.
    clock.now += 60_000;
    expect([1, 2, 3].map(() => limiter.take('10.0.0.1', connection).isAllowed)).toEqual([true, true, true]);
    expect(limiter.take('10.0.0.1', connection).isAllowed).toBe(false);
  });
});
