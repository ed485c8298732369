import { useEffect, useState } from 'preact/hooks';
import type { Verdict } from '../core/diagnose/types.ts';
import { WATCHABLE_CULPRITS, type Watch } from '../core/watch/schedule.ts';
import { t } from '../shared/i18n.ts';
import { send } from '../shared/send.ts';

interface Props {
  tabId: number | null;
  host: string | null;
  verdict: Verdict | null;
}

/** "Tell me when it's back" for this tab's host, and every active watch with its own Cancel. */
export function WatchPanel({ tabId, host, verdict }: Props) {
  const [watches, setWatches] = useState<Watch[]>([]);
  useEffect(() => void send('watch/list', {}).then(setWatches), []);
  const watched = watches.some((w) => w.host === host);
  const canWatch =
    tabId !== null && host !== null && verdict !== null && WATCHABLE_CULPRITS.has(verdict.culprit) && !watched;
  const time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeStyle: 'short' });

  return (
    <>
      {canWatch && (
        <div class="actions">
          <button
            type="button"
            data-action="watch"
            onClick={async () => setWatches(await send('watch/start', { tabId }))}
          >
            {t('notify_watch')}
          </button>
        </div>
      )}
      {watches.length > 0 && (
        <section aria-labelledby="watches-heading">
          <h2 id="watches-heading">{t('popup_watches')}</h2>
          <ul class="watches">
            {watches.map((w) => (
              <li key={w.host} data-host={w.host}>
                <span class="host-name">{w.host}</span>
                <span class="next">{t('popup_watchNext', { time: time.format(w.nextAt) })}</span>
                <button
                  type="button"
                  aria-label={t('popup_watchCancelHost', { host: w.host })}
                  onClick={async () => setWatches(await send('watch/cancel', { host: w.host }))}
                >
                  {t('popup_watchCancel')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
