import { describe, expect, it, vi } from 'vitest';
import type { TabState } from '../../shared/tab-state.ts';
import { createPeerHandlers, type PeerHandlerDeps } from './peer.ts';
import { createTabHandlers } from './tab.ts';
import { aTabState } from '../../../tests/support/builders.ts';

const popup = { tabId: null, url: 'chrome-extension://ext/popup.html' };
const failing = aTabState({ tabId: 3, url: 'https://shop.example/x', detection: null });

function setup(peers: PeerHandlerDeps['peers'], state: TabState | null = failing) {
  const view = {
    getState: async () => state,
    getVerdict: async () => ({ verdict: null, pending: false, progress: null }),
  };
  return {
    peer: createPeerHandlers({ ...view, peers }),
    tab: createTabHandlers({ ...view, diagnose: vi.fn(async () => null) }),
  };
}

describe('peer/report', () => {
  it("reports the tab's failure and answers with the new peer status", async () => {
    const reportNow = vi.fn(async () => 'sent' as const);
    const statusFor = vi.fn(async () => ({ canReport: false, reportedAt: 5 }));
    const { peer } = setup({ reportNow, statusFor });
    const answer = await peer['peer/report']({ tabId: 3 }, popup);
    expect(reportNow).toHaveBeenCalledWith(failing, null);
    expect(answer).toEqual({ outcome: 'sent', peer: { canReport: false, reportedAt: 5 } });
  });

  it('has nothing to report for a tab we know nothing of', async () => {
    const reportNow = vi.fn(async () => 'sent' as const);
    const { peer } = setup({ reportNow, statusFor: vi.fn(async () => null) }, null);
    expect(await peer['peer/report']({ tabId: 3 }, popup)).toEqual({ outcome: 'not-reportable', peer: null });
    expect(reportNow).not.toHaveBeenCalled();
  });
});

describe('peer/status', () => {
  it('answers on its own: tab/get does not ask it (the popup asks after it has rendered)', async () => {
    const statusFor = vi.fn(async () => ({ canReport: true, reportedAt: null }));
    const { peer, tab } = setup({ reportNow: vi.fn(), statusFor });
    await tab['tab/get']({ tabId: 3 }, popup);
    expect(statusFor).not.toHaveBeenCalled();
    expect(await peer['peer/status']({ tabId: 3 }, popup)).toEqual({ canReport: true, reportedAt: null });
    expect(statusFor).toHaveBeenCalledTimes(1);
  });

  it('is null for a tab we know nothing of', async () => {
    const { peer } = setup({ reportNow: vi.fn(), statusFor: vi.fn() }, null);
    expect(await peer['peer/status']({ tabId: 3 }, popup)).toBeNull();
  });
});
