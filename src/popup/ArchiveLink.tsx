import { useEffect, useState } from 'preact/hooks';
import { findSnapshot, WAYBACK_TIMEOUT_MS, type Snapshot } from '../core/archive/wayback.ts';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';

type Lookup = { step: 'idle' | 'looking' | 'none' | 'failed' } | { step: 'found'; snapshot: Snapshot };

interface Props {
  pageUrl: string;
  /** The `archiveLookup` setting: look as soon as the popup shows a failed page, instead of on click. */
  auto: boolean;
}

const lookUp = (pageUrl: string) =>
  findSnapshot((url, init) => fetch(url, init), pageUrl, AbortSignal.timeout(WAYBACK_TIMEOUT_MS));

/**
 * "Open an archived copy": archive.org learns the page URL only when the person clicks, or when they turned the
 * lookup on in the settings (PRIVACY.md). The wait is bounded, and "none" and "failed" are told apart.
 */
export function ArchiveLink({ pageUrl, auto }: Props) {
  const [lookup, setLookup] = useState<Lookup>({ step: 'idle' });
  const run = async (open: boolean) => {
    setLookup({ step: 'looking' });
    try {
      const snapshot = await lookUp(pageUrl);
      setLookup(snapshot ? { step: 'found', snapshot } : { step: 'none' });
      if (snapshot && open) await browser.tabs.create({ url: snapshot.url });
    } catch {
      setLookup({ step: 'failed' });
    }
  };
  useEffect(() => void (auto && run(false)), [pageUrl, auto]);

  if (lookup.step === 'found') {
    const date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' }).format(
      lookup.snapshot.savedAt,
    );
    return (
      <p class="archive-found">
        <a href={lookup.snapshot.url} target="_blank" rel="noreferrer" data-action="archive-open">
          {t('popup_archiveFound', { date })}
        </a>
      </p>
    );
  }
  const message = {
    idle: '',
    looking: t('popup_archiveLooking'),
    none: t('popup_archiveNone'),
    failed: t('popup_archiveFailed'),
  }[lookup.step];
  // A fragment: the button joins the row of actions, the hint and the status wrap below it.
  return (
    <>
      {!auto && (
        <button
          type="button"
          data-action="archive"
          aria-describedby="archive-hint"
          disabled={lookup.step === 'looking'}
          onClick={() => void run(true)}
        >
          {t('popup_archive')}
        </button>
      )}
      {!auto && (
        <p id="archive-hint" class="hint">
          {t('popup_archiveHint')}
        </p>
      )}
      <p role="status" class="archive-status" data-step={lookup.step}>
        {message}
      </p>
    </>
  );
}
