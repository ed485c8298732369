import type { Verdict } from '../core/diagnose/types.ts';
import { formatMessage, t } from '../shared/i18n.ts';
import type { TabState } from '../shared/tab-state.ts';
import { RayId } from './RayId.tsx';

function Fact({ label, value }: { label: string; value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** What was observed, by whom and when, strongest first; then the page's own identifiers and advice. */
export function EvidenceList({ state, verdict }: { state: TabState; verdict: Verdict | null }) {
  const detection = state.detection;
  const evidence = [...(verdict?.evidence ?? [])].sort((a, b) => b.weight - a.weight);
  // The page's language (the setting), not the browser's: a Korean popup shows Korean times.
  const time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeStyle: 'medium' });
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('popup_evidence')}</h2>
      {evidence.length > 0 && (
        <ul class="evidence">
          {evidence.map((item) => (
            <li key={`${item.source}:${item.observed.key}`} data-source={item.source}>
              <span class="source">{t(`source_${item.source}`)}</span>
              <span>{formatMessage(item.observed)}</span>
              <time dateTime={new Date(item.at).toISOString()}>{time.format(item.at)}</time>
            </li>
          ))}
        </ul>
      )}
      <dl>
        <Fact label={t('fact_code')} value={state.kind === 'none' ? null : detection?.code} />
        <Fact label={t('fact_colo')} value={detection?.colo} />
        <RayId rayId={detection?.rayId} />
        <Fact label={t('fact_status')} value={state.status} />
        <Fact
          label={t('fact_networkError')}
          value={state.networkError && t(`network_${state.networkError.category}`)}
        />
      </dl>
      {verdict && verdict.advice.length > 0 && (
        <>
          <h2 id="advice-heading">{t('popup_advice')}</h2>
          <ul class="advice" aria-labelledby="advice-heading">
            {verdict.advice.map((advice) => (
              <li key={advice.key}>{formatMessage(advice)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
