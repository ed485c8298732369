// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../core/diagnose/types.ts';
import type { Watch } from '../core/watch/schedule.ts';
import { aVerdict } from '../../tests/support/builders.ts';

vi.mock('../shared/browser.ts', () => ({ browser: { i18n: { getMessage: () => '', getUILanguage: () => 'en' } } }));
let watches: Watch[] = [];
const send = vi.fn(async (type: string, payload: { tabId?: number; host?: string }) => {
  if (type === 'watch/start')
    watches = [
      ...watches,
      {
        host: 'shop.example',
        url: 'https://shop.example/',
        tabId: payload.tabId ?? null,
        startedAt: 0,
        attempts: 0,
        nextAt: 30_000,
      },
    ];
  if (type === 'watch/cancel') watches = watches.filter((w) => w.host !== payload.host);
  return watches;
});
vi.mock('../shared/send.ts', () => ({ send: (type: string, payload: never) => send(type, payload) }));
const { WatchPanel } = await import('./WatchPanel.tsx');

let root: HTMLElement;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const show = async (culprit: Verdict['culprit']) => {
  await act(() => render(<WatchPanel tabId={4} host="shop.example" verdict={aVerdict({ culprit })} />, root));
  await settle();
};

beforeEach(() => {
  watches = [];
  send.mockClear();
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
});

describe('popup watch panel', () => {
  it.each(['site', 'cdn', 'network'] as const)(
    'offers the watch for a %s verdict, then lists it with its Cancel',
    async (culprit) => {
      await show(culprit);
      root.querySelector<HTMLButtonElement>('[data-action="watch"]')!.click();
      await settle();
      expect(send).toHaveBeenCalledWith('watch/start', { tabId: 4 });
      expect(root.querySelector('[data-action="watch"]')).toBeNull();
      const cancel = root.querySelector<HTMLButtonElement>('li[data-host="shop.example"] button')!;
      expect(cancel.getAttribute('aria-label')).toBe('popup_watchCancelHost');
      cancel.click();
      await settle();
      expect(send).toHaveBeenCalledWith('watch/cancel', { host: 'shop.example' });
      expect(root.querySelector('li')).toBeNull();
    },
  );

  it.each(['blocked', 'browser', 'unknown', 'none'] as const)('no watch for a %s verdict', async (culprit) => {
    await show(culprit);
    expect(root.querySelector('[data-action="watch"]')).toBeNull();
  });
});
