import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from './serial-queue.ts';

/** A promise resolved from outside, to hold a task open while others queue behind it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('createKeyedQueue', () => {
  it('runs the tasks of one key one at a time, in the order they were queued', async () => {
    const queue = createKeyedQueue<string>();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('k', async () => {
      log.push('a start');
      await first.opened;
      log.push('a end');
      return 'a';
    });
    const b = queue.run('k', () => {
      log.push('b');
      return 'b';
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('keeps each key in queue order whatever the keys and delays', async () => {
    const jobs = fc.array(fc.record({ key: fc.integer({ min: 0, max: 3 }), ticks: fc.integer({ min: 0, max: 3 }) }));
    await fc.assert(
      fc.asyncProperty(jobs, async (list) => {
        const queue = createKeyedQueue<number>();
        const ran: Array<{ key: number; index: number }> = [];
        const pause = async (ticks: number) => {
          for (let i = 0; i < ticks; i += 1) await Promise.resolve();
        };
        await Promise.all(
          list.map(({ key, ticks }, index) =>
            queue.run(key, async () => {
              await pause(ticks);
              ran.push({ key, index });
            }),
          ),
        );
        for (const key of new Set(list.map((j) => j.key))) {
          const order = ran.filter((r) => r.key === key).map((r) => r.index);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('does not make one key wait for another', async () => {
    const queue = createKeyedQueue<number>();
    const held = gate();
    const slow = queue.run(1, () => held.opened);
    expect(await queue.run(2, () => 'other key')).toBe('other key');
    held.open();
    await slow;
  });

  it('rejects only the failing task; the next task of the key still runs', async () => {
    const queue = createKeyedQueue<string>();
    const failing = queue.run('k', () => Promise.reject(new Error('boom')));
    const next = queue.run('k', () => 'still runs');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('still runs');
    expect(await queue.run('k', () => 'and later ones too')).toBe('and later ones too');
  });

  it('forgets a key once its last task settled, failed or not', async () => {
    const queue = createKeyedQueue<number>();
    const held = gate();
    const tasks = [queue.run(1, () => held.opened), queue.run(2, () => Promise.reject(new Error('x')))];
    void queue.run(1, () => undefined);
    expect(queue.size).toBe(2);
    held.open();
    await Promise.allSettled(tasks);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.size).toBe(0);
  });
});
