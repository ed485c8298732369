import type { TabState } from '../shared/tab-state.ts';
import { t } from '../shared/i18n.ts';
import { badgeFor } from '../shared/badge.ts';

const HEADLINE: Record<TabState['kind'], string> = {
  none: 'headline_none',
  'origin-error': 'headline_originError',
  'edge-error': 'headline_edgeError',
  'site-config': 'headline_siteConfig',
  blocked: 'headline_blocked',
  challenge: 'headline_challenge',
  'challenge-failed': 'headline_challengeFailed',
  'network-error': 'headline_networkError',
};

function Fact({ label, value }: { label: string; value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The first popup: the active tab's detection and its evidence. The full verdict UI comes with the diagnosis engine. */
export function Popup({ state }: { state: TabState | null }) {
  const kind = state?.kind ?? 'none';
  const detection = state?.detection ?? null;
  const badge = badgeFor(state);
  const unconfirmed = detection?.unconfirmed === true && kind !== 'none';
  return (
    <main
      data-culprit-root
      data-kind={kind}
      data-vendor={detection?.vendor ?? ''}
      data-colo={detection?.colo ?? ''}
      data-code={detection?.code ?? ''}
      class={`popup kind-${kind}`}
    >
      <header class="headline" style={{ '--accent': badge.color }}>
        <h1>{t(HEADLINE[kind])}</h1>
        {state && <p class="host">{state.host}</p>}
        {unconfirmed && <p class="warning" role="note">{t('popup_unconfirmed')}</p>}
      </header>
      {state && kind !== 'none' && (
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{t('popup_evidence')}</h2>
          <dl>
            <Fact label={t('fact_vendor')} value={detection?.vendor} />
            <Fact label={t('fact_code')} value={detection?.code} />
            <Fact label={t('fact_colo')} value={detection?.colo} />
            <Fact label={t('fact_rayId')} value={detection?.rayId} />
            <Fact label={t('fact_status')} value={state.status} />
            <Fact label={t('fact_networkError')} value={state.networkError && t(`network_${state.networkError.category}`)} />
          </dl>
          {detection && detection.evidence.length > 0 && (
            <ul class="markers" aria-label={t('popup_markers')}>
              {detection.evidence.map((marker) => (
                <li key={marker}>
                  <code>{marker}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {!state && <p>{t('popup_noState')}</p>}
    </main>
  );
}
