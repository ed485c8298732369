/**
 * The toolbar badge: a short text and colour per tab state. A normal page shows nothing, and a page that only looks
 * like a CDN page (unconfirmed by headers) shows a quiet "?" rather than an alarm.
 */
import type { Culprit, Verdict } from '../core/diagnose/types.ts';
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

/** Badges for a verdict's culprit; unknown and none have none, so the first-hand badge stays. */
const VERDICT_BADGES: Partial<Record<Culprit, Omit<Badge, 'titleKey'>>> = {
  site: { text: 'SITE', color: BADGES['origin-error'].color },
  cdn: { text: 'CDN', color: BADGES['edge-error'].color },
  network: { text: 'NET', color: BADGES['network-error'].color },
  blocked: { text: 'BLK', color: BADGES.blocked.color },
  browser: { text: 'BRW', color: '#185abc' },
};

/** Whose fault each first-hand badge already says it is; null where it names no one (BOT!: the check failed, why?). */
const FIRST_HAND_CULPRIT: Record<TabKind, Culprit | null> = {
  none: null,
  'origin-error': 'site',
  'edge-error': 'cdn',
  'site-config': 'site',
  blocked: 'blocked',
  challenge: 'blocked',
  'challenge-failed': null,
  'network-error': 'network',
};

/**
 * The badge once a verdict is in. The first-hand badge stays unless the verdict names a different culprit: a 522
 * (SITE) during a data-centre incident becomes CDN, a DNS error (NET) that public DNS confirms becomes SITE, a
 * challenge that cannot load (BOT!) becomes CDN or BRW. A badge that agrees (CFG is the site's fault, BOT is a check
 * aimed at you) keeps its more specific text, and an unconfirmed page keeps its quiet "?".
 */
export function badgeForVerdict(state: TabState | null, verdict: Verdict | null): Badge {
  const firstHand = badgeFor(state);
  if (!state || !verdict || state.kind === 'none' || state.detection?.unconfirmed) return firstHand;
  const shown = VERDICT_BADGES[verdict.culprit];
  if (!shown || FIRST_HAND_CULPRIT[state.kind] === verdict.culprit) return firstHand;
  return { ...shown, titleKey: firstHand.titleKey };
}
