import { describe, expect, it, vi } from 'vitest';
import type { TabState } from '../shared/tab-state.ts';
import { createTabStore } from './tab-store.ts';
import { createVerdictBadge } from './verdict-badge.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import { aTabState, aVerdict } from '../../tests/support/builders.ts';

const state = (url: string, kind: TabState['kind'], status: number) =>
  aTabState({ tabId: 3, url, host: new URL(url).hostname, status, kind, detection: null });
const verdict = aVerdict();

describe("a verdict's badge", () => {
  it('is drawn while the tab still shows the page it is about', async () => {
    const store = createTabStore(memoryStorage());
    const render = vi.fn(async () => undefined);
    const failing = state('https://down.example/', 'origin-error', 522);
    await store.putState(failing);
    await createVerdictBadge(store, render)(3, failing, verdict);
    expect(render).toHaveBeenCalledWith(3, failing, verdict);
  });

  it('is not drawn over the page the tab moved on to, even when the move is queued just before it', async () => {
    const store = createTabStore(memoryStorage());
    const render = vi.fn(async () => undefined);
    const failing = state('https://down.example/', 'origin-error', 522);
    await store.putState(failing);
    // The restored page's state change is already in the tab's queue when the old diagnosis ends.
    const moved = store.serialize(3, () => store.putState(state('https://works.example/', 'none', 200)));
    const drawn = createVerdictBadge(store, render)(3, failing, verdict);
    await Promise.all([moved, drawn]);
    expect(render).not.toHaveBeenCalled();
  });

  it('is not drawn for a tab whose state is gone', async () => {
    const store = createTabStore(memoryStorage());
    const render = vi.fn(async () => undefined);
    await createVerdictBadge(store, render)(3, state('https://down.example/', 'origin-error', 522), verdict);
    expect(render).not.toHaveBeenCalled();
  });
});
