import { describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../core/diagnose/types.ts';
import type { Runtime } from '../shared/browser.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createWatchHandlers } from './watch-handlers.ts';

const page = { id: 'ext', url: 'chrome-extension://ext/popup.html' } as Runtime.MessageSender;
const content = { id: 'ext', tab: { id: 3 }, url: 'https://evil.example/' } as Runtime.MessageSender;
const state = { tabId: 4, url: 'https://shop.example/cart', host: 'shop.example' } as TabState;

function setup(culprit: Verdict['culprit'] | null) {
  const watcher = { start: vi.fn(async () => []), cancel: vi.fn(async () => []), list: vi.fn(async () => []) };
  const history = { list: vi.fn(async () => []), clear: vi.fn(async () => undefined) };
  const { handlers } = createWatchHandlers({
    watcher,
    history,
    getState: async () => state,
    getVerdict: async () => ({ verdict: culprit ? ({ culprit } as Verdict) : null }),
    isExtensionPage: (sender) => sender.tab === undefined,
  });
  return { handlers, watcher, history };
}

describe('watch/* and history/* handlers', () => {
  it.each(['site', 'cdn', 'network'] as const)('watch/start watches the tab host for a %s verdict', async (culprit) => {
    const { handlers, watcher } = setup(culprit);
    await handlers['watch/start']({ tabId: 4 }, page);
    expect(watcher.start).toHaveBeenCalledWith('shop.example', 'https://shop.example/cart', 4);
  });

  it.each(['blocked', 'browser', 'none', 'unknown', null] as const)(
    'watch/start refuses a %s verdict',
    async (culprit) => {
      const { handlers, watcher } = setup(culprit);
      await handlers['watch/start']({ tabId: 4 }, page);
      expect(watcher.start).not.toHaveBeenCalled();
    },
  );

  it('a content script can neither start, cancel, list nor clear', async () => {
    const { handlers, watcher, history } = setup('site');
    await handlers['watch/start']({ tabId: 4 }, content);
    await handlers['watch/cancel']({ host: 'shop.example' }, content);
    await handlers['watch/list']({}, content);
    await handlers['history/list']({}, content);
    await handlers['history/clear']({}, content);
    expect(
      [watcher.start, watcher.cancel, watcher.list, history.list, history.clear].map((f) => f.mock.calls.length),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it('malformed payloads are refused', async () => {
    const { handlers, watcher, history } = setup('site');
    await handlers['watch/start']({ tabId: '4' }, page);
    await handlers['watch/cancel']({ host: '' }, page);
    await handlers['history/clear']({ all: true }, page);
    expect([watcher.start, watcher.cancel, history.clear].map((f) => f.mock.calls.length)).toEqual([0, 0, 0]);
  });

  it('an extension page may list, cancel and clear', async () => {
    const { handlers, watcher, history } = setup('site');
    await handlers['watch/cancel']({ host: 'shop.example' }, page);
    await handlers['history/clear']({}, page);
    expect(watcher.cancel).toHaveBeenCalledWith('shop.example');
    expect(history.clear).toHaveBeenCalled();
  });
});
