/** Applies a tab's state to the toolbar action (badge text, colour, title). */
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import type { TabState } from '../shared/tab-state.ts';
import { badgeFor } from '../shared/badge.ts';

export async function renderBadge(tabId: number, state: TabState | null): Promise<void> {
  const badge = badgeFor(state);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: `${t('extName')}: ${t(badge.titleKey)}` }),
    ]);
  } catch {
    // The tab closed between the event and the render; there is nothing left to show.
  }
}
