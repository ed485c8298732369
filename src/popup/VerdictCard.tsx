import type { Verdict } from '../core/diagnose/types.ts';
import { formatMessage, t } from '../shared/i18n.ts';
import type { TabState } from '../shared/tab-state.ts';

const FIRST_HAND: Record<TabState['kind'], string> = {
  none: 'headline_none',
  'origin-error': 'headline_originError',
  'edge-error': 'headline_edgeError',
  'site-config': 'headline_siteConfig',
  blocked: 'headline_blocked',
  challenge: 'headline_challenge',
  'challenge-failed': 'headline_challengeFailed',
  'network-error': 'headline_networkError',
};

interface Props {
  state: TabState | null;
  verdict: Verdict | null;
  busy: boolean;
  accent: string;
}

/** The headline: the verdict when it is ready, what the page itself said until then. */
export function VerdictCard({ state, verdict, busy, accent }: Props) {
  const kind = state?.kind ?? 'none';
  const vendor = verdict?.vendor ?? '';
  return (
    <header class="headline" style={{ '--accent': accent }}>
      <h1 aria-live="polite">{verdict ? formatMessage(verdict.headline) : t(FIRST_HAND[kind])}</h1>
      {state && <p class="host">{state.host}</p>}
      {verdict && verdict.culprit !== 'none' && (
        <p class="confidence">
          <meter
            min={0}
            max={1}
            value={verdict.confidence}
            aria-label={t('popup_confidence', { pct: Math.round(verdict.confidence * 100) })}
          />
          <span>{t('popup_confidence', { pct: Math.round(verdict.confidence * 100) })}</span>
        </p>
      )}
      {verdict && verdict.culprit !== 'none' && <p class="explanation">{formatMessage(verdict.explanation)}</p>}
      {verdict && verdict.acknowledged !== 'not-applicable' && (
        <p class="ack">{formatMessage({ key: `ack_${verdict.acknowledged}`, params: { vendor } })}</p>
      )}
      {verdict?.incident && (
        <p class="incident">
          {t('popup_incident')}:{' '}
          {verdict.incident.url ? (
            <a href={verdict.incident.url} target="_blank" rel="noreferrer">
              {verdict.incident.title}
            </a>
          ) : (
            verdict.incident.title
          )}
        </p>
      )}
      {busy && (
        <p class="checking" role="status">
          {t('popup_checking')}
        </p>
      )}
    </header>
  );
}
