import type { TabReport } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import type { TabState } from '../shared/tab-state.ts';
import { ArchiveLink } from './ArchiveLink.tsx';
import { ReportProblem } from './ReportProblem.tsx';
import { StatusLinks } from './StatusLinks.tsx';

interface Props {
  report: TabReport & { state: TabState };
  tabId: number;
  busy: boolean;
  archiveLookup: boolean;
  /** The `peerReports` setting: "Report this problem" exists only while it is on. */
  peerReports: boolean;
  onCheck: () => void;
}

/**
 * What the person can do from here: check (again), open an archived copy of a failed page, report it to the peer
 * servers (when they turned peer reports on), read the status pages.
 * On a normal page "Check this site" is the only way anything is fetched: nothing is asked unless they press it.
 */
export function PageActions({ report, tabId, busy, archiveLookup, peerReports, onCheck }: Props) {
  const { state, verdict } = report;
  const failed = state.kind !== 'none';
  const fresh = !failed && verdict === null;
  return (
    <>
      <div class="actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus while the check runs. */}
        <button
          type="button"
          data-action={fresh ? 'check-site' : 'check-again'}
          aria-describedby={fresh ? 'check-hint' : undefined}
          aria-disabled={busy}
          onClick={() => !busy && onCheck()}
        >
          {fresh ? t('popup_checkSite') : t('popup_checkAgain')}
        </button>
        {fresh && (
          <p id="check-hint" class="hint">
            {t('popup_checkSiteHint')}
          </p>
        )}
        {failed && <ArchiveLink pageUrl={state.url} auto={archiveLookup} />}
      </div>
      {failed && peerReports && (
        <div class="actions">
          <ReportProblem tabId={tabId} verdictAt={verdict?.decidedAt ?? null} />
        </div>
      )}
      <StatusLinks links={report.links} vendor={verdict?.vendor ?? state.detection?.vendor ?? null} host={state.host} />
    </>
  );
}
