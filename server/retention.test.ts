import { describe, expect, it, vi } from 'vitest';
import { startRetention } from './retention.ts';
import type { ReportStore } from './store/report-store.ts';

describe('startRetention', () => {
  it('deletes at once with the right cut-off, then on every interval until stopped', async () => {
    vi.useFakeTimers();
    const calls: Array<[number, number]> = [];
    const store = {
      deleteExpired: async (nowMinute: number, keepMinutes: number) => {
        calls.push([nowMinute, keepMinutes]);
        return { buckets: 0, dedupeKeys: 0 };
      },
    } as Pick<ReportStore, 'deleteExpired'> as ReportStore;
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const stop = startRetention({ store, keepDays: 8, intervalMs: 1000, now: () => 60_000 * 100 });
    expect(calls).toEqual([[100, 8 * 1440]]);
    await vi.advanceTimersByTimeAsync(2500);
    expect(calls).toHaveLength(3);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(3);
    logged.mockRestore();
    vi.useRealTimers();
  });
});
