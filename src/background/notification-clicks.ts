/**
 * What a click on a notification does. A verdict notification opens its details (popup.html?tab=ID in a new tab,
 * where "Tell me when it's back" is offered on every browser); its Chrome-only button starts the watch directly.
 * A "back" notification brings the tab that failed to the front, or opens the page again if that tab is gone. The
 * summary of failures past the cap opens the history, which lists them all.
 */
import { parseNotificationId } from './notification-ids.ts';

export interface ClickDeps {
  tabs: {
    get(tabId: number): Promise<{ windowId?: number | undefined }>;
    create(props: { url: string }): Promise<unknown>;
    update(tabId: number, props: { active: boolean }): Promise<unknown>;
  };
  focusWindow: (windowId: number) => Promise<unknown>;
  extensionUrl: (path: string) => string;
  startWatch: (tabId: number) => Promise<unknown>;
  clear: (id: string) => Promise<unknown>;
}

export function createNotificationClicks(deps: ClickDeps) {
  async function focusTab(tabId: number): Promise<boolean> {
    try {
      const tab = await deps.tabs.get(tabId);
      await deps.tabs.update(tabId, { active: true });
      if (tab.windowId !== undefined) await deps.focusWindow(tab.windowId);
      return true;
    } catch {
      return false; // the tab was closed since
    }
  }

  async function onClicked(id: string): Promise<void> {
    const click = parseNotificationId(id);
    if (!click) return;
    await deps.clear(id);
    if (click.kind === 'details') await deps.tabs.create({ url: deps.extensionUrl(`popup.html?tab=${click.tabId}`) });
    else if (click.kind === 'history') await deps.tabs.create({ url: deps.extensionUrl('history.html') });
    else if (click.tabId === null || !(await focusTab(click.tabId))) await deps.tabs.create({ url: click.url });
  }

  /** Chrome only (Firefox has no buttons): button 0 of a verdict notification is "Tell me when it's back". */
  async function onButtonClicked(id: string, index: number): Promise<void> {
    const click = parseNotificationId(id);
    if (click?.kind !== 'details' || index !== 0) return;
    await deps.startWatch(click.tabId);
    await deps.clear(id);
  }

  return { onClicked, onButtonClicked };
}
