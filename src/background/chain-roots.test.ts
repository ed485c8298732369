import { describe, expect, it } from 'vitest';
import { correlationKey } from '../core/diagnose/correlation-key.ts';
import { aTabState } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createChainRoots } from './chain-roots.ts';

const failing = (tabId: number, host: string) => aTabState({ tabId, host });
const healthy = (tabId: number, host: string) => aTabState({ tabId, host, status: 200, kind: 'none', detection: null });

function setup(states: TabState[]) {
  const byTab = new Map(states.map((s) => [s.tabId, s]));
  const chains = createChainRoots({
    storage: memoryStorage(),
    getState: async (tabId) => byTab.get(tabId) ?? null,
    keyOf: (host) => correlationKey(host),
  });
  return { chains, show: (state: TabState) => byTab.set(state.tabId, state) };
}

describe('navigation chains', () => {
  it('a failing page that redirects starts a chain that lasts through further redirects', async () => {
    const { chains, show } = setup([failing(1, 'www.evil-one.com')]);
    await chains.onNavigation(1, 'https://www.evil-one.com');
    expect(await chains.rootOf(1)).toBe('evil-one.com');
    show(failing(1, 'evil-two.net'));
    await chains.onNavigation(1, 'https://evil-two.net');
    show(healthy(1, 'bounce.org'));
    await chains.onNavigation(1, 'https://bounce.org');
    expect(await chains.rootOf(1)).toBe('evil-one.com');
  });

  it('a navigation the person starts ends the chain', async () => {
    const { chains } = setup([failing(1, 'evil-one.com')]);
    await chains.onNavigation(1, 'https://evil-one.com');
    await chains.onNavigation(1, undefined);
    expect(await chains.rootOf(1)).toBeNull();
  });

  it('a healthy page linking to failing sites starts no chain', async () => {
    const { chains } = setup([healthy(1, 'news.ycombinator.com')]);
    await chains.onNavigation(1, 'https://news.ycombinator.com');
    await chains.onTabCreated({ id: 2, openerTabId: 1 });
    expect([await chains.rootOf(1), await chains.rootOf(2)]).toEqual([null, null]);
  });

  it("a tab opened by a failing page joins its chain, whichever of the tab's events comes first", async () => {
    const { chains } = setup([failing(1, 'evil-one.com')]);
    await Promise.all([chains.onNavigation(2, 'https://evil-one.com'), chains.onTabCreated({ id: 2, openerTabId: 1 })]);
    await Promise.all([chains.onTabCreated({ id: 3, openerTabId: 1 }), chains.onNavigation(3, 'https://evil-one.com')]);
    expect([await chains.rootOf(2), await chains.rootOf(3)]).toEqual(['evil-one.com', 'evil-one.com']);
    await chains.forget(2);
    expect(await chains.rootOf(2)).toBeNull();
  });

  it('a failing page whose name never counts starts no chain', async () => {
    const { chains } = setup([failing(1, '203.0.113.9')]);
    await chains.onNavigation(1, 'https://203.0.113.9');
    expect(await chains.rootOf(1)).toBeNull();
  });
});
