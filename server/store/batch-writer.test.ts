import { describe, expect, it } from 'vitest';
import { createBatchWriter, scheduleBatch } from './batch-writer.ts';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createBatchWriter', () => {
  it('groups items submitted together into one commit and settles each after it', async () => {
    const batches: number[][] = [];
    const writer = createBatchWriter<number, number>({
      commit: async (items) => {
        batches.push(items);
        return items.map((item) => item * 10);
      },
      maxItems: 100,
      maxWaitMs: 1,
      maxInFlight: 1,
      schedule: (run, ms) => setTimeout(run, ms),
    });
    expect(await Promise.all([1, 2, 3].map((item) => writer.submit(item)))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('cuts batches at maxItems and never commits more than maxInFlight at once', async () => {
    const gates: Array<ReturnType<typeof deferred<void>>> = [];
    let active = 0;
    let peak = 0;
    const sizes: number[] = [];
    const writer = createBatchWriter<number, boolean>({
      commit: async (items) => {
        active++;
        peak = Math.max(peak, active);
        sizes.push(items.length);
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        active--;
        return items.map(() => true);
      },
      maxItems: 4,
      maxWaitMs: 1,
      maxInFlight: 2,
      schedule: (run, ms) => setTimeout(run, ms),
    });
    const all = Promise.all(Array.from({ length: 10 }, (_, item) => writer.submit(item)));
    while (gates.length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      gates.forEach((gate) => gate.resolve());
    }
    await all;
    expect(sizes).toEqual([4, 4, 2]);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('rejects every item of a failed batch and keeps working afterwards', async () => {
    let shouldFail = true;
    const writer = createBatchWriter<string, string>({
      commit: async (items) => {
        if (shouldFail) throw new Error('db down');
        return items;
      },
      maxItems: 10,
      maxWaitMs: 1,
      maxInFlight: 1,
      schedule: (run, ms) => setTimeout(run, ms),
    });
    const results = await Promise.allSettled([writer.submit('a'), writer.submit('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    shouldFail = false;
    expect(await writer.submit('c')).toBe('c');
  });

  it('commits what queued during a commit on the next turn, not after another wait (group commit)', async () => {
    const gate = deferred<void>();
    const batches: string[][] = [];
    const waits: number[] = [];
    const writer = createBatchWriter<string, boolean>({
      commit: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        return items.map(() => true);
      },
      maxItems: 10,
      maxWaitMs: 60_000,
      maxInFlight: 1,
      schedule: (run, ms) => {
        waits.push(ms);
        // The idle wait fires at once here; any other long wait would hang the test.
        if (ms === 60_000 && waits.length === 1) setImmediate(run);
        else if (ms === 0) setImmediate(run);
      },
    });
    const first = writer.submit('a');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const queued = [writer.submit('b'), writer.submit('c')];
    gate.resolve();
    await Promise.all([first, ...queued]);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(waits).toEqual([60_000, 0]);
  });
  it('drain commits queued items without waiting for the timer', async () => {
    const committed: string[] = [];
    const writer = createBatchWriter<string, boolean>({
      commit: async (items) => {
        committed.push(...items);
        return items.map(() => true);
      },
      maxItems: 10,
      maxWaitMs: 60_000,
      maxInFlight: 1,
      schedule: () => {}, // the timer never fires: only drain can flush
    });
    const submitted = writer.submit('x');
    await writer.drain();
    expect(committed).toEqual(['x']);
    expect(await submitted).toBe(true);
  });
});

describe('scheduleBatch', () => {
  it('runs 0 ms work on the next turn (setImmediate) and other delays on a timer', async () => {
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      scheduleBatch(() => order.push('timer'), 5);
      scheduleBatch(() => order.push('immediate'), 0);
      setTimeout(resolve, 20);
    });
    expect(order).toEqual(['immediate', 'timer']);
  });
});
