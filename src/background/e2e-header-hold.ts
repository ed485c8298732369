/**
 * Test-only, compiled in only when VITE_E2E=1 (see index.ts): holds the main-frame header events of chosen hosts
 * until that tab's page report has left its state at a chosen kind, then delivers them. Firefox sometimes does this
 * on its own (its header event reaches the background after the content script's report); the E2E suite makes it
 * happen every time, so the merge rule (reading-merge.ts) is tested against the real browser events in that order.
 */
import type { TabKind, TabState } from '../shared/tab-state.ts';
import type { TabEvents } from './tab-events.ts';

type HeaderDetails = Parameters<TabEvents['onMainFrameHeaders']>[0];

export function createHeaderHold(
  events: Pick<TabEvents, 'onMainFrameHeaders' | 'onPageReport'>,
  getState: (tabId: number) => Promise<TabState | null>,
) {
  /** host → the kind the tab's page report must reach before its held headers are delivered. */
  const holds = new Map<string, TabKind>();
  const held = new Map<number, HeaderDetails[]>();
  /** host → header events delivered after the page's report. */
  const released = new Map<string, number>();
  const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname : '');

  function onMainFrameHeaders(details: HeaderDetails) {
    if (!holds.has(hostOf(details.url)) || details.tabId < 0) return events.onMainFrameHeaders(details);
    held.set(details.tabId, [...(held.get(details.tabId) ?? []), details]);
    return Promise.resolve();
  }

  const onPageReport: TabEvents['onPageReport'] = async (tabId, url, report) => {
    await events.onPageReport(tabId, url, report);
    const waiting = held.get(tabId);
    const state = await getState(tabId);
    if (!waiting || !state || holds.get(hostOf(waiting[0]!.url)) !== state.kind) return;
    held.delete(tabId);
    for (const details of waiting) {
      released.set(hostOf(details.url), (released.get(hostOf(details.url)) ?? 0) + 1);
      await events.onMainFrameHeaders(details);
    }
  };

  const hooks = {
    /** From now on, `host`'s header events wait for its page report to reach `untilKind`. */
    holdHeaders(host: string, untilKind: TabKind) {
      holds.set(host, untilKind);
    },
    /** How many of `host`'s header events were delivered after its page report. */
    releasedHeaders: (host: string) => released.get(host) ?? 0,
  };
  return { onMainFrameHeaders, onPageReport, hooks };
}

export type HeaderHoldHooks = ReturnType<typeof createHeaderHold>['hooks'];
