import type { SourceName, SourceState } from '../core/diagnose/types.ts';
import { t } from '../shared/i18n.ts';

/** Every source the diagnosis asked and how it went, so a failed source is visible and never read as "fine". */
export function SourceList({ sources }: { sources: Partial<Record<SourceName, SourceState>> }) {
  const asked = Object.entries(sources).filter(([, s]) => s.state !== 'skipped') as Array<[SourceName, SourceState]>;
  if (asked.length === 0) return null;
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('popup_sources')}</h2>
      <ul class="sources">
        {asked.map(([name, source]) => (
          <li key={name} data-source={name} data-state={source.state} title={source.reason ?? ''}>
            <span>{t(`source_${name}`)}</span>
            <span class={`state state-${source.state}`}>{t(`sourceState_${source.state}`)}</span>
            <span class="ms">{source.ms > 0 ? `${Math.round(source.ms)} ms` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
