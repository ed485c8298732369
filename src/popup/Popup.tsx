import { t } from '../shared/i18n.ts';
import type { TabReport } from '../shared/messages.ts';
import { badgeFor } from '../shared/badge.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { useFirstRenderMark } from './first-render-mark.ts';
import { PageActions } from './PageActions.tsx';
import { RadarLine } from './RadarLine.tsx';
import { SourceList } from './SourceList.tsx';
import { useTabReport } from './use-tab-report.ts';
import { VerdictCard } from './VerdictCard.tsx';
import { WatchPanel } from './WatchPanel.tsx';

interface Props {
  tabId: number | null;
  /** The `archiveLookup` setting. */
  archiveLookup: boolean;
  /** The `peerReports` setting. */
  peerReports?: boolean;
  /** The report already fetched before the first render, if any. */
  initial?: TabReport | null;
}

/** The popup: the verdict for a tab, its evidence, and the state of every source that was asked. */
export function Popup({ tabId, archiveLookup, peerReports = false, initial = null }: Props) {
  const { report, checking, unreachable, check, retry } = useTabReport(tabId, initial);
  useFirstRenderMark(report !== null);
  const failure = unreachable && <Unreachable onRetry={retry} />;
  if (!report)
    return (
      <main class="popup" aria-busy={!unreachable}>
        {failure}
      </main>
    );
  const { state, verdict, pending } = report;
  const detection = state?.detection ?? null;
  const busy = pending || checking;
  // A normal page shows its evidence only once the person asked to check it.
  const diagnosed = state !== null && (state.kind !== 'none' || verdict !== null || busy);
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
      {failure}
      <VerdictCard state={state} verdict={verdict} busy={busy} accent={badgeFor(state).color} />
      <RadarLine radar={verdict?.radar ?? null} />
      {state && diagnosed && <EvidenceList state={state} verdict={verdict} />}
      {state && diagnosed && (
        <SourceList sources={verdict?.sources ?? null} progress={pending ? (report.progress ?? null) : null} />
      )}
      {state && tabId !== null && (
        <PageActions
          report={{ ...report, state }}
          tabId={tabId}
          busy={busy}
          archiveLookup={archiveLookup}
          peerReports={peerReports}
          onCheck={() => void check()}
        />
      )}
      {!state && <p>{t('popup_noState')}</p>}
      <WatchPanel tabId={tabId} host={state?.host ?? null} verdict={verdict} />
      <nav class="links" aria-label={t('popup_more')}>
        <a href="/history.html" target="_blank" rel="noopener">
          {t('popup_history')}
        </a>
        <a href="/options.html" target="_blank" rel="noopener">
          {t('popup_settings')}
        </a>
      </nav>
    </main>
  );
}

/** The background did not answer: say so, and offer to ask again, rather than an empty or stale popup. */
function Unreachable({ onRetry }: { onRetry: () => void }) {
  return (
    <p role="alert" class="unreachable">
      {t('popup_unreachable')}{' '}
      <button type="button" onClick={onRetry}>
        {t('popup_retry')}
      </button>
    </p>
  );
}
