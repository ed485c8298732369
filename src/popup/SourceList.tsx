import { SOURCE_NAMES, type SourceName, type SourceState } from '../core/diagnose/types.ts';
import { t } from '../shared/i18n.ts';

type Sources = Partial<Record<SourceName, SourceState>>;

interface Props {
  /** The finished verdict's sources. */
  sources: Sources | null;
  /** While a diagnosis runs: the sources settled so far (skipped ones included); the rest are still being asked. */
  progress: Sources | null;
}

/**
 * Every source the diagnosis asked and how it went, so a failed source is visible and never read as "fine". While a
 * diagnosis runs, each source shows "checking…" until it settles, and fills in as it does.
 */
export function SourceList({ sources, progress }: Props) {
  const live = progress !== null;
  const shown = live ? progress : sources;
  if (!shown) return null;
  const rows = SOURCE_NAMES.flatMap((name): Array<[SourceName, SourceState | null]> => {
    const source = shown[name];
    if (source?.state === 'skipped') return [];
    if (!source) return live ? [[name, null]] : [];
    return [[name, source]];
  });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="sources-heading" aria-busy={live}>
      <h2 id="sources-heading">{t('popup_sources')}</h2>
      <ul class="sources">
        {rows.map(([name, source]) => (
          <li key={name} data-source={name} data-state={source?.state ?? 'running'} title={source?.reason ?? ''}>
            <span>{t(`source_${name}`)}</span>
            {source ? (
              <span class={`state state-${source.state}`}>{t(`sourceState_${source.state}`)}</span>
            ) : (
              <span class="state state-running">
                <span class="spinner" aria-hidden="true" />
                {t('popup_sourceChecking')}
              </span>
            )}
            <span class="ms">{source && source.ms > 0 ? `${Math.round(source.ms)} ms` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
