/**
 * Firefox resets a tab's badge "when the user navigates this tab to a new page" (MDN, browserAction.setBadgeText), and a
 * network-error page counts: it commits after webRequest.onErrorOccurred already set our badge, and no content script
 * runs there to set it again. So once such a tab finishes loading, the stored state is drawn again. Chrome keeps per-tab
 * badges until the tab closes, so this file is compiled in only for Firefox; delete it if Firefox ever does the same.
 */
import type { Tabs } from '../shared/browser.ts';

interface TabsEvents {
  onUpdated: {
    addListener(
      callback: (tabId: number, change: Tabs.OnUpdatedChangeInfoType) => void,
      filter?: Tabs.UpdateFilter,
    ): void;
  };
}

export function redrawBadgeWhenLoaded(tabs: TabsEvents, redraw: (tabId: number) => Promise<void>): void {
  tabs.onUpdated.addListener(
    (tabId, change) => {
      if (change.status === 'complete') void redraw(tabId);
    },
    // Firefox-only filter argument: the listener wakes for status changes alone, not for every title or favicon.
    { properties: ['status'] },
  );
}
