import { describe, expect, it, vi } from 'vitest';
import { createTabHandlers, type TabHandlerDeps } from './tab.ts';
import { aTabState } from '../../../tests/support/builders.ts';

const popup = { tabId: null, url: 'chrome-extension://ext/popup.html' };
const github = aTabState({
  tabId: 3,
  url: 'https://github.com/x',
  host: 'github.com',
  status: 200,
  kind: 'none',
  detection: null,
});

function setup(over: Partial<TabHandlerDeps> = {}) {
  const deps: TabHandlerDeps = {
    getState: vi.fn(async () => null),
    getVerdict: async () => ({ verdict: null, pending: false, progress: null }),
    diagnose: vi.fn(async () => null),
    ...over,
  };
  return { handlers: createTabHandlers(deps), deps };
}

describe('tab/get', () => {
  it("answers with the tab's state, or an empty report for a tab we know nothing of", async () => {
    const { handlers, deps } = setup();
    expect(await handlers['tab/get']({ tabId: 3 }, popup)).toEqual({
      state: null,
      verdict: null,
      pending: false,
      progress: null,
    });
    expect(deps.getState).toHaveBeenCalledWith(3);
  });
});

describe('tab/check', () => {
  it('starts an on-demand diagnosis without waiting for it, and answers with the links of the tab', async () => {
    let finish = (): void => undefined;
    const diagnose = vi.fn(
      () =>
        new Promise<null>((resolve) => {
          finish = () => resolve(null);
        }),
    );
    const { handlers } = setup({
      getState: async () => github,
      getVerdict: async () => ({ verdict: null, pending: true, progress: { page: { state: 'ok', ms: 0 } } }),
      diagnose,
    });
    const answer = await handlers['tab/check']({ tabId: 3 }, popup);
    expect(diagnose).toHaveBeenCalledWith(3, { force: true, onDemand: true });
    expect(answer).toMatchObject({
      pending: true,
      progress: { page: { state: 'ok' } },
      links: { vendor: null, site: 'https://www.githubstatus.com/' },
    });
    finish();
  });
});
