import { entryName, type HistoryEntry, hostCountOf } from '../core/history/log.ts';
import { formatMessage, t } from '../shared/i18n.ts';

function When({ at }: { at: number | null }) {
  if (at === null) return <span>{t('history_ongoing')}</span>;
  const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return <time dateTime={new Date(at).toISOString()}>{format.format(at)}</time>;
}

/** The log as a table: a real <table> with a caption and column headers, so screen readers announce each cell. */
export function HistoryTable({ entries, total }: { entries: HistoryEntry[]; total: number }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('history_caption', { shown: entries.length, total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history_host')}</th>
            <th scope="col">{t('history_culprit')}</th>
            <th scope="col">{t('history_where')}</th>
            <th scope="col">{t('history_start')}</th>
            <th scope="col">{t('history_end')}</th>
            <th scope="col">{t('history_evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-culprit={e.culprit}>
              <th scope="row">
                {entryName(e)}
                {hostCountOf(e) > 1 && ` ${t('history_hostCount', { count: hostCountOf(e) })}`}
              </th>
              <td>
                {t(`culprit_${e.culprit}`)}
                <div class="hint">
                  <code>{e.rule}</code>
                </div>
              </td>
              <td>{[e.vendor, e.colo].filter(Boolean).join(' · ')}</td>
              <td>
                <When at={e.start} />
              </td>
              <td>
                <When at={e.end} />
              </td>
              <td>
                <ul class="plain">
                  {e.evidence.map((m, i) => (
                    <li key={i}>{formatMessage(m)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
