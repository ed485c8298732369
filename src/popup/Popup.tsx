import { t } from '../shared/i18n.ts';
import { badgeFor } from '../shared/badge.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { SourceList } from './SourceList.tsx';
import { useTabReport } from './use-tab-report.ts';
import { VerdictCard } from './VerdictCard.tsx';
import { WatchPanel } from './WatchPanel.tsx';

/** The popup: the verdict for a tab, its evidence, and the state of every source that was asked. */
export function Popup({ tabId }: { tabId: number | null }) {
  const { report, rechecking, recheck } = useTabReport(tabId);
  if (!report) return <main class="popup" aria-busy="true" />;
  const { state, verdict, pending } = report;
  const detection = state?.detection ?? null;
  const busy = pending || rechecking;
  return (
    <main
      data-culprit-root
      data-kind={state?.kind ?? 'none'}
      data-culprit={verdict?.culprit ?? ''}
      data-vendor={verdict?.vendor ?? detection?.vendor ?? ''}
      data-colo={verdict?.colo ?? detection?.colo ?? ''}
      data-code={detection?.code ?? ''}
      data-rule={verdict?.rule ?? ''}
      aria-busy={busy}
      class="popup"
    >
      <VerdictCard state={state} verdict={verdict} busy={busy} accent={badgeFor(state).color} />
      {state && state.kind !== 'none' && (
        <>
          <EvidenceList state={state} verdict={verdict} />
          {verdict && <SourceList sources={verdict.sources} />}
          <div class="actions">
            <button type="button" onClick={() => void recheck()} disabled={busy}>
              {t('popup_checkAgain')}
            </button>
          </div>
        </>
      )}
      {!state && <p>{t('popup_noState')}</p>}
      <WatchPanel tabId={tabId} host={state?.host ?? null} verdict={verdict} />
      <nav class="links" aria-label={t('popup_more')}>
        <a href="/history.html" target="_blank">
          {t('popup_history')}
        </a>
        <a href="/options.html" target="_blank">
          {t('popup_settings')}
        </a>
      </nav>
    </main>
  );
}
