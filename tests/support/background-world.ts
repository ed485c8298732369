/**
 * The background's tab pipeline as index.ts assembles it (tab-pipeline.ts: tab events, the real diagnoser, the
 * badge painter, the verdict life cycle) over memory storage, with a clock and timers the test drives. What leaves it
 * is recorded: each badge drawn, and each settled verdict announced with what was stored at that moment. The
 * diagnosis' gathering is the test's to finish: the test file mocks `gatherFacts` (vi.mock) and hands the world a way
 * to wait for it.
 */
import { DEFAULT_PROBE_CONFIG } from '../../src/core/diagnose/probe-config.ts';
import type { Verdict } from '../../src/core/diagnose/types.ts';
import { currentOf } from '../../src/background/handlers/tab-view.ts';
import { createLoadGate } from '../../src/background/load-gate.ts';
import { createTabPipeline } from '../../src/background/tab-pipeline.ts';
import type { TabState } from '../../src/shared/tab-state.ts';
import { memoryStorage } from './memory-storage.ts';

interface Drawn {
  tabId: number;
  state: TabState | null;
  verdict: Verdict | null;
}

interface Announced extends Drawn {
  verdict: Verdict;
  state: TabState;
  /** The clock when it was announced. */
  at: number;
  /** What was stored for the tab at that moment. */
  stored: { state: TabState | null; verdict: Verdict | null };
}

export function backgroundWorld({ start = 1_000_000 } = {}) {
  let clock = start;
  const now = () => clock;
  const storage = memoryStorage();
  const timers: Array<{ at: number; task: () => void }> = [];
  const drawn: Drawn[] = [];
  const announced: Announced[] = [];
  const schedule = (ms: number, task: () => void) => void timers.push({ at: clock + ms, task });
  /** Holds nothing unless the test tells it of a response (`loads.onResponse`), as index.ts does first. */
  const loads = createLoadGate({ schedule });

  const { store, diagnoser, view, painter, lifeCycle, events } = createTabPipeline({
    storage,
    now,
    diagnosis: {
      config: DEFAULT_PROBE_CONFIG,
      fetch: () => new Promise<never>(() => undefined),
      vendorStatus: () => new Promise<never>(() => undefined),
      timeout: () => new AbortController().signal,
      sleep: () => new Promise<void>(() => undefined),
    },
    draw: async (tabId, state, verdict) => void drawn.push({ tabId, state, verdict }),
    schedule,
    whenLoaded: loads.whenLoaded,
    onSettled: async (tabId, verdict, state) => {
      announced.push({ tabId, verdict, state, at: clock, stored: await currentOf(view, tabId) });
    },
  });

  /** Lets every promise chain that can move on do so (the storage fakes answer in microtasks). */
  const settle = async () => {
    for (let i = 0; i < 40; i++) await new Promise((r) => setImmediate(r));
  };

  /** Moves the clock on and runs the timers that came due, as the browser would. */
  async function advance(ms: number) {
    clock += ms;
    for (const timer of timers.filter((t) => t.at <= clock)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.task();
    }
    await settle();
  }

  /** The tab's badge as drawn last, and what is stored for it now. */
  async function lastDrawn(tabId: number) {
    return { drawn: drawn.filter((d) => d.tabId === tabId).at(-1) ?? null, stored: await currentOf(view, tabId) };
  }

  return {
    events,
    loads,
    diagnoser,
    lifeCycle,
    painter,
    store,
    storage,
    drawn,
    announced,
    now,
    advance,
    settle,
    lastDrawn,
    /** The Firefox and Chromium "tab finished loading" repaint (repaint-on-load.ts, as index.ts wires it). */
    async loaded(tabId: number) {
      const state = await store.getState(tabId);
      if (state && state.kind !== 'none') await painter.paint(tabId);
      await settle();
    },
  };
}
