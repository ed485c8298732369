/** Applies a tab's state, and its verdict once there is one, to the toolbar action (badge text, colour, title). */
import type { Verdict } from '../core/diagnose/types.ts';
import { browser } from '../shared/browser.ts';
import { formatMessage, t } from '../shared/i18n.ts';
import type { TabState } from '../shared/tab-state.ts';
import { badgeForVerdict } from '../shared/badge.ts';

export async function renderBadge(
  tabId: number,
  state: TabState | null,
  verdict: Verdict | null = null,
): Promise<void> {
  const badge = badgeForVerdict(state, verdict);
  const title = verdict ? formatMessage(verdict.headline) : t(badge.titleKey);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: `${t('extName')}: ${title}` }),
    ]);
  } catch {
    // The tab closed between the event and the render; there is nothing left to show.
  }
}
