/**
 * A main frame the person's own content blocker (or their administrator) refused is not a failure: the real tab
 * pipeline with the real diagnosis, a fetch that records every request, and the browser's error strings.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import type { Verdict } from '../core/diagnose/types.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createTabPipeline } from './tab-pipeline.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';

function world() {
  let clock = 1_000_000;
  const asked: string[] = [];
  const drawn: Array<{ state: TabState | null; verdict: Verdict | null }> = [];
  const announced: Verdict[] = [];
  const pipeline = createTabPipeline({
    storage: memoryStorage(),
    now: () => clock,
    diagnosis: {
      config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 50 },
      fetch: async (url) => {
        asked.push(url);
        return new Response(null, { status: 204 });
      },
      vendorStatus: async () => ({ state: 'skipped', reason: 'none here', ms: 0 }),
      siteStatus: async (site) => {
        asked.push(`status.${site}`);
        return { state: 'skipped', reason: 'none here', ms: 0 };
      },
      peers: async (host) => {
        asked.push(`peers:${host}`);
        return null;
      },
      timeout: (ms) => AbortSignal.timeout(ms),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    draw: async (_tabId, state, verdict) => void drawn.push({ state, verdict }),
    schedule: (ms, task) => void setTimeout(task, ms),
    onSettled: async (_tabId, verdict) => void announced.push(verdict),
  });
  const settle = async () => {
    for (let i = 0; i < 40; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const tick = (ms: number) => (clock += ms);
  return { ...pipeline, asked, drawn, announced, settle, tick };
}

describe.each([
  ['Chromium, an extension or content blocker', 'net::ERR_BLOCKED_BY_CLIENT'],
  ['Chromium, an administrator policy', 'net::ERR_BLOCKED_BY_ADMINISTRATOR'],
  ['Firefox, an enterprise policy', 'NS_ERROR_BLOCKED_BY_POLICY'],
  ['Firefox, Safe Browsing', 'NS_ERROR_PHISHING_URI'],
])('a main frame refused by this browser (%s)', (_, error) => {
  const url = 'https://tracker.ads-network.com/pixel';

  it('gets no verdict, no badge, and nothing is asked of anyone', async () => {
    const w = world();
    await w.events.onMainFrameError({ tabId: 7, url, error, timeStamp: 1 });
    await w.settle();
    expect(await w.store.getState(7)).toMatchObject({ kind: 'none', networkError: null });
    expect(await w.diagnoser.diagnose(7)).toBeNull();
    expect((await w.view.getVerdict(7)).verdict).toBeNull();
    expect(w.drawn.at(-1)?.verdict ?? null).toBeNull();
    expect(w.drawn.every((d) => d.state?.kind === 'none')).toBe(true);
    expect(w.asked).toEqual([]);
    expect(w.announced).toEqual([]);
  });

  it("replaces the failure of the tab's page before it, so that badge does not linger", async () => {
    const w = world();
    await w.events.onMainFrameError({
      tabId: 7,
      url: 'https://shop.example/',
      error: 'net::ERR_CONNECTION_REFUSED',
      timeStamp: 1,
    });
    await w.settle();
    expect(await w.store.getState(7)).toMatchObject({ kind: 'network-error' });
    w.tick(5_000);
    const asked = w.asked.length;
    await w.events.onMainFrameError({ tabId: 7, url, error, timeStamp: 5_000 });
    await w.settle();
    expect(await w.store.getState(7)).toMatchObject({ kind: 'none', url });
    expect((await w.view.getVerdict(7)).verdict).toBeNull();
    expect(w.drawn.at(-1)).toMatchObject({ state: { kind: 'none' }, verdict: null });
    expect(w.asked.slice(asked).filter((u) => u.includes('ads-network'))).toEqual([]);
  });
});
