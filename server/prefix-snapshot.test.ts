import { describe, expect, it } from 'vitest';
import { createPrefixSnapshot } from './prefix-snapshot.ts';
import type { HostCounts } from './store/report-store.ts';

const host = (hostHash: string): HostCounts => ({ hostHash, series: { slots: [1], dailyHour: [] }, networks: 1 });

function setUp(maxAgeMs: number, staleLimitMs: number) {
  const clock = { now: 0 };
  const state = { reads: 0, hosts: [host(`abcd${'0'.repeat(60)}`)], shouldFail: false };
  const snapshot = createPrefixSnapshot({
    readActive: async () => {
      state.reads++;
      if (state.shouldFail) throw new Error('db down');
      return state.hosts;
    },
    now: () => clock.now,
    maxAgeMs,
    staleLimitMs,
  });
  return { clock, state, snapshot };
}

describe('createPrefixSnapshot', () => {
  it('groups hosts by prefix and reads the store once per maxAge', async () => {
    const { clock, state, snapshot } = setUp(5000, 60_000);
    expect((await snapshot.hostsIn(0xabcd)).hosts).toHaveLength(1);
    expect((await snapshot.hostsIn(0x0000)).hosts).toEqual([]);
    clock.now += 4999;
    await snapshot.hostsIn(0xabcd);
    expect(state.reads).toBe(1);
  });

  it('hands out the same array for a bucket whose counts did not change, within one minute', async () => {
    const { clock, state, snapshot } = setUp(0, 0);
    const first = (await snapshot.hostsIn(0xabcd)).hosts;
    state.hosts = state.hosts.map((entry) => ({ ...entry, series: { slots: [1], dailyHour: [] } }));
    expect((await snapshot.hostsIn(0xabcd)).hosts).toBe(first);
    expect((await snapshot.hostsIn(0x0000)).hosts).toBe((await snapshot.hostsIn(0x0001)).hosts);
    state.hosts = [host(`abcd${'0'.repeat(60)}`), host(`abcd${'1'.repeat(60)}`)];
    const changed = (await snapshot.hostsIn(0xabcd)).hosts;
    expect(changed).not.toBe(first);
    clock.now += 60_000;
    expect((await snapshot.hostsIn(0xabcd)).hosts).not.toBe(changed);
  });

  it('shares one read between concurrent first lookups', async () => {
    const { state, snapshot } = setUp(5000, 60_000);
    await Promise.all(Array.from({ length: 20 }, () => snapshot.hostsIn(0xabcd)));
    expect(state.reads).toBe(1);
  });

  it('serves the old snapshot while refreshing, then the new one', async () => {
    const { clock, state, snapshot } = setUp(5000, 60_000);
    await snapshot.hostsIn(0xabcd);
    state.hosts = [];
    clock.now += 5000;
    expect((await snapshot.hostsIn(0xabcd)).hosts).toHaveLength(1); // stale, refresh started
    await new Promise((resolve) => setImmediate(resolve));
    expect((await snapshot.hostsIn(0xabcd)).hosts).toEqual([]);
    expect(state.reads).toBe(2);
  });

  it('keeps serving through a failed refresh until the stale limit, then fails', async () => {
    const { clock, state, snapshot } = setUp(5000, 60_000);
    await snapshot.hostsIn(0xabcd);
    state.shouldFail = true;
    clock.now += 30_000;
    expect((await snapshot.hostsIn(0xabcd)).hosts).toHaveLength(1);
    clock.now += 30_000;
    await expect(snapshot.hostsIn(0xabcd)).rejects.toThrow('db down');
  });

  it('reads through on every lookup when maxAge is 0 (tests)', async () => {
    const { state, snapshot } = setUp(0, 0);
    await snapshot.hostsIn(1);
    await snapshot.hostsIn(1);
    expect(state.reads).toBe(2);
  });
});

describe('createPrefixSnapshot and the clock', () => {
  it('does not trust a snapshot from the future (clock stepped back)', async () => {
    const { clock, state, snapshot } = setUp(5000, 60_000);
    clock.now = 100_000;
    await snapshot.hostsIn(1);
    clock.now = 50_000;
    await snapshot.hostsIn(1);
    expect(state.reads).toBe(2);
  });
});
