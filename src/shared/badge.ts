/**
 * The toolbar badge: a short text and colour per tab state. A normal page shows nothing, and a page that only looks
 * like a CDN page (unconfirmed by headers) shows a quiet "?" rather than an alarm.
 */
import type { TabKind, TabState } from './tab-state.ts';

export interface Badge {
  text: string;
  color: string;
  /** i18n key of the action title. */
  titleKey: string;
}

const BADGES: Record<TabKind, Badge> = {
  none: { text: '', color: '#5f6368', titleKey: 'title_none' },
  'origin-error': { text: 'SITE', color: '#c5221f', titleKey: 'title_originError' },
  'edge-error': { text: 'CDN', color: '#e8710a', titleKey: 'title_edgeError' },
  'site-config': { text: 'CFG', color: '#c5221f', titleKey: 'title_siteConfig' },
  blocked: { text: 'BLK', color: '#7b1fa2', titleKey: 'title_blocked' },
  challenge: { text: 'BOT', color: '#1a73e8', titleKey: 'title_challenge' },
  'challenge-failed': { text: 'BOT!', color: '#e8710a', titleKey: 'title_challengeFailed' },
  'network-error': { text: 'NET', color: '#3c4043', titleKey: 'title_networkError' },
};

const UNCONFIRMED: Badge = { text: '?', color: '#80868b', titleKey: 'title_unconfirmed' };

export function badgeFor(state: TabState | null): Badge {
  if (!state) return BADGES.none;
  if (state.detection?.unconfirmed && state.kind !== 'none') return UNCONFIRMED;
  return BADGES[state.kind];
}
