import { describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../core/diagnose/types.ts';
import { createWatchHandlers } from './watch.ts';
import { aTabState, aVerdict } from '../../../tests/support/builders.ts';

const popup = { tabId: null, url: 'chrome-extension://ext/popup.html' };
const state = aTabState({ tabId: 4, url: 'https://shop.example/cart' });

function setup(culprit: Verdict['culprit'] | null) {
  const watcher = { start: vi.fn(async () => []), cancel: vi.fn(async () => []), list: vi.fn(async () => []) };
  const { handlers, startForTab } = createWatchHandlers({
    watcher,
    getState: async () => state,
    getVerdict: async () => ({ verdict: culprit ? aVerdict({ culprit }) : null, pending: false, progress: null }),
  });
  return { handlers, startForTab, watcher };
}

describe('watch handlers', () => {
  it.each(['site', 'cdn', 'network'] as const)('watch/start watches the tab host for a %s verdict', async (culprit) => {
    const { handlers, watcher } = setup(culprit);
    await handlers['watch/start']({ tabId: 4 }, popup);
    expect(watcher.start).toHaveBeenCalledWith('shop.example', 'https://shop.example/cart', 4);
  });

  it.each(['blocked', 'browser', 'none', 'unknown', null] as const)(
    'watch/start refuses a %s verdict and answers with the watches',
    async (culprit) => {
      const { handlers, watcher } = setup(culprit);
      await handlers['watch/start']({ tabId: 4 }, popup);
      expect(watcher.start).not.toHaveBeenCalled();
      expect(watcher.list).toHaveBeenCalled();
    },
  );

  it('the notification button starts the same watch as the popup', async () => {
    const { startForTab, watcher } = setup('site');
    await startForTab(4);
    expect(watcher.start).toHaveBeenCalledWith('shop.example', 'https://shop.example/cart', 4);
  });

  it('watch/cancel and watch/list reach the watcher', async () => {
    const { handlers, watcher } = setup('site');
    await handlers['watch/cancel']({ host: 'shop.example' }, popup);
    await handlers['watch/list']({}, popup);
    expect(watcher.cancel).toHaveBeenCalledWith('shop.example');
    expect(watcher.list).toHaveBeenCalledTimes(1);
  });
});
