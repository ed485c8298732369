/**
 * Puts a tab's badge on the toolbar action (badge text, colour, title). Only badge-painter.ts calls it, with what is
 * stored for the tab.
 */
import type { Verdict } from '../core/diagnose/types.ts';
import { badgeForVerdict } from '../shared/badge.ts';
import { browser } from '../shared/browser.ts';
import { formatMessage, t } from '../shared/i18n.ts';
import type { TabState } from '../shared/tab-state.ts';

export async function renderBadge(tabId: number, state: TabState | null, verdict: Verdict | null): Promise<void> {
  const badge = badgeForVerdict(state, verdict);
  const title = verdict ? formatMessage(verdict.headline) : t(badge.titleKey);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: `${t('extName')}: ${title}` }),
    ]);
  } catch {
    // The tab closed between the event and the drawing; there is nothing left to show.
  }
}
