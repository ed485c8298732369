import { useEffect, useState } from 'preact/hooks';
import type { RadarView } from './load-radar.ts';
import { type Language, MESSAGES } from './messages.ts';
import { useRadar } from './use-radar.ts';
import { VendorCard } from './VendorCard.tsx';

export const LANGUAGE_KEY = 'culprit-radar-language';

/**
 * The public CDN radar: every CDN's state now, refreshed while the tab is visible. A failed refresh is said out
 * loud, and before the first answer there is nothing to show, never a row of "normal".
 */
export function App({
  load,
  language: initial,
}: {
  load: (signal: AbortSignal) => Promise<RadarView>;
  language: Language;
}) {
  const [language, setLanguage] = useState(initial);
  const m = MESSAGES[language];
  const radar = useRadar(load);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${m.title} · Culprit`;
  }, [language, m]);

  const time = (ms: number) => new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(ms);
  const other: Language = language === 'en' ? 'ko' : 'en';
  const switchLanguage = () => {
    setLanguage(other);
    try {
      localStorage.setItem(LANGUAGE_KEY, other);
    } catch {
      // Storage refused (private mode, a policy): the choice lasts until the page is closed.
    }
  };
  const { view, updatedAt, failedAt, isLoading, refresh } = radar;

  return (
    <div class="page" aria-busy={isLoading}>
      <header>
        <div class="top">
          <h1>Culprit {m.title}</h1>
          <div class="controls">
            <button type="button" data-action="language" lang={other} title={m.switchLanguage} onClick={switchLanguage}>
              {m.otherLanguage}
            </button>
            <button type="button" data-action="refresh" onClick={() => void refresh()}>
              {m.refresh}
            </button>
          </div>
        </div>
        <p class="intro">{m.intro}</p>
        <div class="status">
          {updatedAt !== null && <p data-status="updated">{m.updatedAt(time(updatedAt))}</p>}
          {failedAt !== null && (
            <p class="failed" role="alert" data-status="failed">
              {m.failedAt(time(failedAt))} {updatedAt !== null ? m.staleSince(time(updatedAt)) : m.nothingYet}
            </p>
          )}
          {!view && failedAt === null && <p>{m.loading}</p>}
        </div>
      </header>
      <main>
        {view && (
          <ul class="vendors">
            {view.vendors.map((vendor) => (
              <li key={vendor.vendor}>
                <VendorCard vendor={vendor} detail={view.details.get(vendor.vendor)} m={m} />
              </li>
            ))}
          </ul>
        )}
      </main>
      <footer>
        <p>{m.about}</p>
        <a href="/openapi.json">{m.api}</a>
      </footer>
    </div>
  );
}
