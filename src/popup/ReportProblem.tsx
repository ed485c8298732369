import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { send, type PeerReportStatus, type TabReport } from '../shared/messages.ts';

interface Props {
  tabId: number;
  /** Absent or null while peer reports are off: then there is nothing to show. */
  peer: PeerReportStatus | null | undefined;
  /** The tab's report as it stands after the press (it carries the new `peer` status). */
  onReported: (report: TabReport) => void;
}

/**
 * "Report this problem": tells the report servers the person turned on that this site fails for them. Shown only
 * while peer reports are on and for failures that may be reported; once the site was reported (by this button or
 * automatically) in the last 10 minutes it says when instead.
 */
export function ReportProblem({ tabId, peer, onReported }: Props) {
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!peer || (!peer.canReport && peer.reportedAt === null)) return null;
  if (peer.reportedAt !== null) {
    const time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeStyle: 'short' });
    return (
      <p class="hint" role="status" data-peer-report="reported">
        {t('popup_reported', { time: time.format(peer.reportedAt) })}
      </p>
    );
  }
  const onReport = async () => {
    setSending(true);
    try {
      const { outcome, report } = await send('peer/report', { tabId });
      setFailed(outcome === 'failed');
      onReported(report);
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <button type="button" data-action="report-problem" aria-disabled={sending} aria-describedby="report-hint" onClick={() => !sending && void onReport()}>
        {t('popup_report')}
      </button>
      <p id="report-hint" class="hint">
        {t('popup_reportHint')}
      </p>
      <p role="status" class="hint" data-peer-report={failed ? 'failed' : 'idle'}>
        {failed ? t('popup_reportFailed') : ''}
      </p>
    </>
  );
}
