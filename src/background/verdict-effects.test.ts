import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createDiagnoser, type OnVerdict } from './diagnosis.ts';
import { createVerdictEffects } from './verdict-effects.ts';
import { aTabState, aVerdict } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';

const failing = aTabState();

function diagnoserWith(onVerdict: OnVerdict, states: Map<number, TabState>) {
  return createDiagnoser({
    storage: memoryStorage(),
    config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 50 },
    onVerdict,
    fetch: async () => {
      throw new TypeError('Failed to fetch');
    },
    vendorStatus: async () => ({ state: 'failed', reason: 'refused', ms: 1 }),
    now: () => 0,
    timeout: (ms) => AbortSignal.timeout(ms),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    getState: async (tabId) => states.get(tabId) ?? null,
  });
}

describe('createDiagnoser onVerdict hook', () => {
  it('is told once fresh when a verdict is stored, then not fresh when the stored one is reused', async () => {
    const onVerdict = vi.fn<OnVerdict>(async () => undefined);
    const diagnoser = diagnoserWith(onVerdict, new Map([[1, failing]]));
    await diagnoser.diagnose(1);
    await diagnoser.diagnose(1);
    expect(onVerdict.mock.calls.map(([tabId, v, s, fresh]) => [tabId, v.rule, s.host, fresh])).toEqual([
      [1, 'site-origin', 'shop.example', true],
      [1, 'site-origin', 'shop.example', false],
    ]);
  });

  it('a failing hook does not cost the verdict', async () => {
    const diagnoser = diagnoserWith(
      async () => {
        throw new Error('notifications unavailable');
      },
      new Map([[1, failing]]),
    );
    expect((await diagnoser.diagnose(1))?.culprit).toBe('site');
    expect((await diagnoser.getVerdict(1)).verdict?.culprit).toBe('site');
  });
});

describe('verdict effects', () => {
  function setup() {
    const deps = {
      history: { record: vi.fn(async () => undefined), close: vi.fn(async () => undefined) },
      notifier: { onVerdict: vi.fn(async () => undefined), withdraw: vi.fn(async () => undefined) },
      watcher: { seenWorking: vi.fn(async () => undefined) },
      peers: { onVerdict: vi.fn<OnVerdict>(async () => undefined) },
    };
    return { deps, effects: createVerdictEffects(deps) };
  }
  const verdict = aVerdict();

  it('a settled verdict is logged, considered for a notification and offered to the peers', async () => {
    const { deps, effects } = setup();
    await effects.onSettled(1, verdict, failing);
    expect(deps.history.record).toHaveBeenCalledWith('shop.example', verdict);
    expect(deps.notifier.onVerdict).toHaveBeenCalledWith(1, verdict, failing);
    expect(deps.peers.onVerdict).toHaveBeenCalledWith(1, verdict, failing, true);
  });

  it.each<[string, Partial<TabState>, boolean]>([
    ['a 200 normal page closes the incident and ends the watch', { kind: 'none', status: 200, detection: null }, true],
    ['a 404 does not', { kind: 'none', status: 404, detection: null }, false],
    ['a redirect does not', { kind: 'none', status: 301, detection: null }, false],
    ['a failing page does not', {}, false],
  ])('%s', async (_, over, closes) => {
    const { deps, effects } = setup();
    await effects.onPageState({ ...failing, ...over });
    expect(deps.history.close.mock.calls.length > 0).toBe(closes);
    expect(deps.watcher.seenWorking.mock.calls.length > 0).toBe(closes);
    expect(deps.notifier.withdraw.mock.calls).toEqual(closes ? [[1, 'shop.example']] : []);
  });
});
