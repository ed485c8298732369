import { describe, expect, it } from 'vitest';
import { createSaltedRateLimiter } from './rate-limit.ts';

function limiterAt(start = 0) {
  const clock = { now: start };
  const limiter = createSaltedRateLimiter({
    capacity: 3,
    refillPerSecond: 1,
    maxKeys: 2,
    rotateMs: 60_000,
    now: () => clock.now,
  });
  return { clock, limiter };
}

describe('createSaltedRateLimiter', () => {
  it('allows the burst, then refuses with a retry time until tokens refill', () => {
    const { clock, limiter } = limiterAt();
    expect([1, 2, 3].map(() => limiter.take('1.2.3.4').ok)).toEqual([true, true, true]);
    expect(limiter.take('1.2.3.4')).toEqual({ ok: false, retryAfterMs: 1000 });
    clock.now += 1000;
    expect(limiter.take('1.2.3.4').ok).toBe(true);
    expect(limiter.take('1.2.3.4').ok).toBe(false);
  });

  it('keeps networks apart', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.take('10.0.0.1');
    expect(limiter.take('10.0.0.1').ok).toBe(false);
    expect(limiter.take('10.0.1.1').ok).toBe(true);
  });

  it.each([
    ['IPv4 /24', (i: number) => `198.51.100.${i + 1}`],
    ['IPv6 /56', (i: number) => `2001:db8:5:${(0x4400 + i).toString(16)}::${i + 1}`],
    ['IPv4-mapped IPv6', (i: number) => `::ffff:198.51.100.${i + 1}`],
  ])('gives one budget to a whole %s, whichever addresses it sends from', (_, addressAt) => {
    const { limiter } = limiterAt();
    expect([0, 1, 2].map((i) => limiter.take(addressAt(i)).ok)).toEqual([true, true, true]);
    expect(limiter.take(addressAt(200)).ok).toBe(false);
  });

  it('forgets the least recently seen IP beyond maxKeys (fails open, stays bounded)', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // evicts 'a'
    expect(limiter.take('a').ok).toBe(true);
  });

  it('starts afresh when the salt rotates', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.take('a');
    clock.now += 60_000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('a connection keeps its key across requests, yet different clients behind one connection stay apart', () => {
    const { clock, limiter } = limiterAt();
    const connection = {};
    for (let i = 0; i < 3; i++) limiter.take('10.0.0.1', connection);
    expect(limiter.take('10.0.0.1', connection).ok).toBe(false);
    expect(limiter.take('10.0.0.1').ok).toBe(false); // the same key with or without the connection
    // A load balancer's connection carries many clients (X-Forwarded-For): each keeps its own bucket.
    expect(limiter.take('10.0.1.2', connection).ok).toBe(true);
    // After the salt rotates the remembered key is not reused: the bucket starts afresh under the new key.
    clock.now += 60_000;
    expect([1, 2, 3].map(() => limiter.take('10.0.0.1', connection).ok)).toEqual([true, true, true]);
    expect(limiter.take('10.0.0.1', connection).ok).toBe(false);
  });
});
