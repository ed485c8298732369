/**
 * The ids of the notifications the background puts up: one per tab for its verdict (so a later verdict replaces it),
 * one per watched page for "it's back", and one summary for the failures past the overall cap. A click is routed by
 * what its id says.
 */
import type { Watch } from '../core/watch/schedule.ts';

export const verdictNotificationId = (tabId: number) => `culprit:tab:${tabId}`;
export const backNotificationId = (watch: Watch) =>
  `culprit:back:${watch.tabId ?? ''}:${encodeURIComponent(watch.url)}`;

/** One id, so a later summary replaces an earlier one rather than stacking up. */
export const SUMMARY_NOTIFICATION_ID = 'culprit:summary';

export type NotificationClick =
  | { kind: 'details'; tabId: number }
  | { kind: 'history' }
  | { kind: 'back'; tabId: number | null; url: string }
  | null;

export function parseNotificationId(id: string): NotificationClick {
  if (id === SUMMARY_NOTIFICATION_ID) return { kind: 'history' };
  const details = /^culprit:tab:(\d+)$/.exec(id);
  if (details) return { kind: 'details', tabId: Number(details[1]) };
  const back = /^culprit:back:(\d*):(.+)$/.exec(id);
  if (!back) return null;
  try {
    return { kind: 'back', tabId: back[1] ? Number(back[1]) : null, url: decodeURIComponent(back[2]!) };
  } catch {
    return null;
  }
}
