import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import { aDetection, aTabState } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createDiagnoser, type DiagnoserDeps } from './diagnosis.ts';

/** A Cloudflare-branded 500 from ICN on `host`: the CDN's own failure. */
const state = (tabId: number, host: string, over: Partial<TabState> = {}): TabState =>
  aTabState({
    tabId,
    host,
    status: 500,
    kind: 'edge-error',
    detection: aDetection({ vendor: 'cloudflare', kind: 'edge-error', code: 500, colo: 'ICN' }),
    ...over,
  });

function setup(states: Map<number, TabState>, storage = memoryStorage()) {
  const fetch = vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  });
  const vendorStatus = vi.fn(async () => ({ state: 'failed' as const, reason: 'connection refused', ms: 1 }));
  const deps: DiagnoserDeps = {
    storage,
    fetch,
    vendorStatus,
    config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 100 },
    now: () => Date.UTC(2025, 10, 18, 11, 25),
    timeout: (ms) => AbortSignal.timeout(ms),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    getState: async (tabId) => states.get(tabId) ?? null,
  };
  return { diagnoser: createDiagnoser(deps), storage, fetch, vendorStatus };
}

describe('diagnoser', () => {
  it('18 Nov replay in the extension: the third unrelated Cloudflare site makes it a CDN-wide verdict', async () => {
    const states = new Map([
      [1, state(1, 'chatgpt.com')],
      [2, state(2, 'x.com')],
      [3, state(3, 'www.baemin.com')],
    ]);
    const { diagnoser } = setup(states);
    expect((await diagnoser.diagnose(1))?.rule).toBe('cdn-edge-page');
    await diagnoser.diagnose(2);
    const third = await diagnoser.diagnose(3);
    expect(third).toMatchObject({ culprit: 'cdn', rule: 'cdn-correlated', acknowledged: 'unreachable' });
    expect((await diagnoser.getVerdict(3)).verdict?.rule).toBe('cdn-correlated');
  });

  it('reuses a stored verdict for the same page and re-runs when the page reading changes', async () => {
    const states = new Map([[1, state(1, 'shop.example')]]);
    const { diagnoser, vendorStatus } = setup(states);
    await diagnoser.diagnose(1);
    await diagnoser.diagnose(1);
    expect(vendorStatus).toHaveBeenCalledTimes(1);
    states.set(
      1,
      state(1, 'shop.example', {
        kind: 'origin-error',
        detection: { ...state(1, 'a').detection!, kind: 'origin-error', code: 522 },
      }),
    );
    expect((await diagnoser.diagnose(1))?.culprit).toBe('site');
    expect(vendorStatus).toHaveBeenCalledTimes(2);
  });

  it('a page report that changes the reading mid-diagnosis gets its own verdict (headers said origin, page says edge)', async () => {
    const first = state(1, 'news.example', {
      kind: 'origin-error',
      detection: { ...state(1, 'a').detection!, kind: 'origin-error' },
    });
    const states = new Map([[1, first]]);
    const { diagnoser } = setup(states);
    const stale = diagnoser.diagnose(1);
    states.set(1, state(1, 'news.example'));
    const fresh = diagnoser.diagnose(1);
    expect((await stale)?.rule).toBe('site-origin');
    expect((await fresh)?.rule).toBe('cdn-edge-page');
    const stored = await diagnoser.getVerdict(1);
    expect(stored).toMatchObject({ verdict: { rule: 'cdn-edge-page' }, pending: false });
  });

  it('does not store a verdict about a page the tab has already left', async () => {
    const states = new Map([[1, state(1, 'old.example')]]);
    const { diagnoser } = setup(states);
    const job = diagnoser.diagnose(1);
    states.set(1, state(1, 'new.example', { kind: 'none', detection: null }));
    await job;
    expect((await diagnoser.getVerdict(1)).verdict).toBeNull();
  });

  it('resumes a diagnosis a killed worker left half done', async () => {
    const storage = memoryStorage({ session: { [tabKeys.pendingDiagnosis(4).key]: { subject: 'x', startedAt: 0 } } });
    const { diagnoser } = setup(new Map([[4, state(4, 'shop.example')]]), storage);
    await diagnoser.resume();
    expect((await diagnoser.getVerdict(4)).verdict?.culprit).toBe('cdn');
    expect(storage.areas.session.data.has(tabKeys.pendingDiagnosis(4).key)).toBe(false);
  });

  it('fetches nothing for a normal page', async () => {
    const { diagnoser, fetch, vendorStatus } = setup(
      new Map([[1, state(1, 'a.example', { kind: 'none', detection: null })]]),
    );
    expect(await diagnoser.diagnose(1)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    expect(vendorStatus).not.toHaveBeenCalled();
  });

  it('checks a normal page only when asked, and drops the result once the tab loads another page', async () => {
    const fine = state(1, 'a.example', {
      kind: 'none',
      status: 200,
      detection: { ...state(1, 'a').detection!, kind: 'none', code: null },
    });
    const states = new Map([[1, fine]]);
    const { diagnoser, fetch, vendorStatus } = setup(states);
    expect(await diagnoser.diagnose(1, { force: true })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    // The fake fetch fails, so the fresh request the check makes finds the site unreachable now.
    expect(await diagnoser.diagnose(1, { force: true, onDemand: true })).toMatchObject({
      culprit: 'site',
      rule: 'now-failing-site',
    });
    expect(vendorStatus).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls as unknown as Array<[string]>).map(([url]) => url)).toContain('https://a.example/');
    expect((await diagnoser.getVerdict(1)).verdict?.rule).toBe('now-failing-site');
    states.set(1, { ...fine, url: 'https://a.example/next' });
    expect((await diagnoser.getVerdict(1)).verdict).toBeNull();
  });

  it('stores progress source by source while gathering, and removes it with the verdict', async () => {
    const storage = memoryStorage();
    const session = storage.areas.session;
    const progressKey = tabKeys.progress(1).key;
    const seen: string[][] = [];
    let progressStored = () => {};
    const firstProgress = new Promise<void>((resolve) => {
      progressStored = resolve;
    });
    const set = session.set;
    session.set = async (items) => {
      if (progressKey in items) seen.push(Object.keys(items[progressKey] as object).sort());
      await set(items);
      if (progressKey in items) progressStored();
    };
    const { diagnoser, vendorStatus } = setup(new Map([[1, state(1, 'shop.example')]]), storage);
    // The status page answers only when the test says so, so "during" is during whatever the machine's speed.
    let answerStatus = () => {};
    let asked = () => {};
    const statusAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    vendorStatus.mockImplementation(
      () =>
        new Promise((r) => {
          answerStatus = () => r({ state: 'failed', reason: 'slow', ms: 60 });
          asked();
        }),
    );
    const job = diagnoser.diagnose(1);
    await Promise.all([statusAsked, firstProgress]);
    const during = await diagnoser.getVerdict(1);
    expect(during.pending).toBe(true);
    expect(during.progress).toMatchObject({
      page: { state: 'ok' },
      doh: { state: 'skipped' },
      connectivity: { state: 'skipped' },
    });
    expect(during.progress?.['vendor-status']).toBeUndefined();
    answerStatus();
    await job;
    expect(seen[0]).toEqual(['connectivity', 'doh', 'page', 'peers', 'radar', 'site-status']);
    expect(seen.at(-1)).toHaveLength(11);
    expect(session.data.has(progressKey)).toBe(false);
    expect(await diagnoser.getVerdict(1)).toMatchObject({ pending: false, progress: null });
  });

  it('a resumed on-demand check stays on demand', async () => {
    const storage = memoryStorage({
      session: { [tabKeys.pendingDiagnosis(2).key]: { subject: 'x', startedAt: 0, onDemand: true } },
    });
    const { diagnoser } = setup(new Map([[2, state(2, 'a.example', { kind: 'none', detection: null })]]), storage);
    await diagnoser.resume();
    expect((await diagnoser.getVerdict(2)).verdict?.rule).toBe('now-failing-site'); // an automatic run would have stored nothing
  });

  it('reads a damaged stored verdict as none, and diagnoses the page again instead of throwing', async () => {
    const tab = state(1, 'shop.example');
    const storage = memoryStorage({
      session: { [tabKeys.verdict(1).key]: { version: 1, subject: 'x', url: tab.url, verdict: { culprit: 42 } } },
    });
    const { diagnoser } = setup(new Map([[1, tab]]), storage);
    expect(await diagnoser.getVerdict(1)).toMatchObject({ verdict: null, pending: false });
    expect((await diagnoser.diagnose(1))?.culprit).toBe('cdn');
    expect(storage.invalid).toEqual([tabKeys.verdict(1).key, tabKeys.verdict(1).key]);
  });
});
