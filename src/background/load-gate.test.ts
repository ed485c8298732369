import { describe, expect, it, vi } from 'vitest';
import { createLoadGate, LOAD_WAIT_MS } from './load-gate.ts';

function world() {
  const timers: Array<{ ms: number; task: () => void }> = [];
  const gate = createLoadGate({ schedule: (ms, task) => void timers.push({ ms, task }) });
  /** Whether the tab's wait has ended, seen after the promise callbacks have run. */
  const watch = (tabId: number) => {
    const state = { done: false };
    void gate.whenLoaded(tabId).then(() => {
      state.done = true;
    });
    return state;
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { gate, timers, watch, settle };
}

describe('createLoadGate', () => {
  it('passes at once for a tab with nothing loading', async () => {
    const { watch, settle } = world();
    const wait = watch(4);
    await settle();
    expect(wait.done).toBe(true);
  });

  it('holds a tab from its response until its document has loaded', async () => {
    const { gate, watch, settle } = world();
    gate.onResponse(4, 100);
    const wait = watch(4);
    await settle();
    expect(wait.done).toBe(false);
    gate.onDone(5, 150);
    await settle();
    expect(wait.done).toBe(false);
    gate.onDone(4, 180);
    await settle();
    expect(wait.done).toBe(true);
  });

  it('lets a page whose load hangs go after LOAD_WAIT_MS', async () => {
    const { gate, timers, watch, settle } = world();
    gate.onResponse(4, 100);
    const wait = watch(4);
    expect(timers.map((t) => t.ms)).toEqual([LOAD_WAIT_MS]);
    timers[0]?.task();
    await settle();
    expect(wait.done).toBe(true);
  });

  it('does not hold a tab for a response event delivered after its document loaded', async () => {
    const { gate, watch, settle } = world();
    gate.onResponse(4, 100);
    gate.onDone(4, 300);
    gate.onResponse(4, 120);
    const wait = watch(4);
    await settle();
    expect(wait.done).toBe(true);
  });

  it('releases whatever waits on a closed tab', async () => {
    const { gate, watch, settle } = world();
    gate.onResponse(4, 100);
    const wait = watch(4);
    gate.forget(4);
    await settle();
    expect(wait.done).toBe(true);
  });

  it('ignores requests that belong to no tab', async () => {
    const schedule = vi.fn();
    const gate = createLoadGate({ schedule });
    gate.onResponse(-1, 100);
    await expect(gate.whenLoaded(-1)).resolves.toBeUndefined();
    expect(schedule).not.toHaveBeenCalled();
  });
});
