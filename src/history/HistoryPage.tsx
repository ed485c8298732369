import { useEffect, useState } from 'preact/hooks';
import { filterEntries, toCsv, toJson } from '../core/history/export.ts';
import type { HistoryEntry } from '../core/history/log.ts';
import { CULPRITS } from '../core/diagnose/types.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { formatMessage, t } from '../shared/i18n.ts';
import { send } from '../shared/send.ts';
import { HistoryTable } from './HistoryTable.tsx';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/** The incident log: filter by text and culprit, export what is shown, or clear it all after a confirmation. */
export function HistoryPage() {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [text, setText] = useState('');
  const [culprit, setCulprit] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => void send('history/list', {}).then(setEntries), []);
  if (!entries) return <main aria-busy="true" />;
  const shown = filterEntries(entries, text, culprit);

  const clear = async () => {
    await send('history/clear', {});
    setEntries([]);
    setStatus(t('history_cleared'));
  };

  return (
    <main>
      <h1>{t('history_title')}</h1>
      <p class="hint">{t('history_intro')}</p>
      <search class="row" aria-label={t('history_filter')}>
        <label for="filter-text">{t('history_filterText')}</label>
        <input id="filter-text" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label for="filter-culprit">{t('history_culprit')}</label>
        <select id="filter-culprit" value={culprit} onChange={(e) => setCulprit(e.currentTarget.value)}>
          <option value="">{t('history_allCulprits')}</option>
          {CULPRITS.filter((c) => c !== 'none').map((c) => (
            <option key={c} value={c}>
              {t(`culprit_${c}`)}
            </option>
          ))}
        </select>
      </search>
      {entries.length === 0 ? <p>{t('history_empty')}</p> : <HistoryTable entries={shown} total={entries.length} />}
      <div class="row actions">
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() => download(`culprit-history-${stamp()}.json`, 'application/json', toJson(shown, formatMessage))}
        >
          {t('history_exportJson')}
        </button>
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() => download(`culprit-history-${stamp()}.csv`, 'text/csv', toCsv(shown, formatMessage))}
        >
          {t('history_exportCsv')}
        </button>
        <ConfirmButton
          label={t('history_clear')}
          question={t('history_clearConfirm', { count: entries.length })}
          confirmLabel={t('history_clearYes')}
          cancelLabel={t('options_cancel')}
          disabled={entries.length === 0}
          onConfirm={clear}
        />
      </div>
      <p class="status" role="status">
        {status}
      </p>
      <p>
        <a href="/options.html">{t('history_settingsLink')}</a>
      </p>
    </main>
  );
}
