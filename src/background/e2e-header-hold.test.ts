import { describe, expect, it, vi } from 'vitest';
import { aPageReport, aTabState } from '../../tests/support/builders.ts';
import type { TabKind } from '../shared/tab-state.ts';
import { createHeaderHold } from './e2e-header-hold.ts';

function setup(kindAfterReport: TabKind) {
  const calls: string[] = [];
  const events = {
    onMainFrameHeaders: vi.fn(async (d: { url: string }) => void calls.push(`headers ${d.url}`)),
    onPageReport: vi.fn(async () => void calls.push('report')),
  };
  const hold = createHeaderHold(events, async () => aTabState({ host: 'held.test', kind: kindAfterReport }));
  return { hold, calls };
}
const headers = (url: string) => ({ tabId: 1, url, statusCode: 403, timeStamp: 5 });

describe('the E2E header hold', () => {
  it("delivers a held host's headers right after the page report that reaches the awaited kind", async () => {
    const { hold, calls } = setup('challenge-failed');
    hold.hooks.holdHeaders('held.test', 'challenge-failed');
    await hold.onMainFrameHeaders(headers('https://held.test/'));
    await hold.onMainFrameHeaders(headers('https://other.test/'));
    await hold.onPageReport(1, 'https://held.test/', aPageReport());
    expect(calls).toEqual(['headers https://other.test/', 'report', 'headers https://held.test/']);
    expect(hold.hooks.releasedHeaders('held.test')).toBe(1);
  });

  it('keeps holding while the page reads as another kind', async () => {
    const { hold, calls } = setup('challenge');
    hold.hooks.holdHeaders('held.test', 'challenge-failed');
    await hold.onMainFrameHeaders(headers('https://held.test/'));
    await hold.onPageReport(1, 'https://held.test/', aPageReport());
    expect(calls).toEqual(['report']);
  });
});
