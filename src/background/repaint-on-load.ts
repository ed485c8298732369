/**
 * Both browsers reset a tab's badge when a new document commits in it, and their own network-error pages count:
 * Firefox documents it ("when the user navigates this tab to a new page", MDN browserAction.setBadgeText); Chromium
 * does it too, so the NET badge drawn on webRequest.onErrorOccurred was wiped by the error page that followed, and
 * came back only if Chromium's auto-reload of the error page failed again. No content script runs on those pages to
 * draw it again, and a failing page's own report may come before the commit. So once a tab finishes loading, its
 * stored state is drawn again.
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

export function repaintWhenLoaded(tabs: TabsEvents, repaint: (tabId: number) => Promise<void>): void {
  const listener = (tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (change.status === 'complete') void repaint(tabId);
  };
  // Firefox's filter wakes the listener for status changes alone, not for every title or favicon; Chromium's event
  // takes no filter and throws on one.
  if (import.meta.env.BROWSER === 'firefox') tabs.onUpdated.addListener(listener, { properties: ['status'] });
  else tabs.onUpdated.addListener(listener);
}
