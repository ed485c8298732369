import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows a burst up to capacity, then refuses with a retry time', () => {
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1, maxKeys: 10 });
    const results = [0, 1, 2, 3].map(() => limiter.take('a', 1000));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3]).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it('refills over time and keeps keys apart', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 2, maxKeys: 10 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 100).ok).toBe(false);
    expect(limiter.take('b', 100).ok).toBe(true);
    expect(limiter.take('a', 600).ok).toBe(true);
  });

  it('forgets the least recently used key beyond maxKeys, so a flood of keys cannot grow memory', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) limiter.take(`k${i}`, i);
    expect(limiter.size()).toBe(100);
  });
});
