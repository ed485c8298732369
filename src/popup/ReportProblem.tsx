import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { PeerReportStatus } from '../shared/messages.ts';
import { send } from '../shared/send.ts';

interface Props {
  tabId: number;
  /** When the verdict was decided: a new verdict ("Check again") may change whether the failure can be reported. */
  verdictAt: number | null;
}

/**
 * "Report this problem": tells the report servers the person turned on that this site fails for them. Rendered
 * only while peer reports are on; it asks the background after the popup's first render (so opening the popup does
 * not wait for it) and shows nothing for failures that may not be reported. Once the site was reported, by this
 * button or automatically, in the last 10 minutes, it says when instead.
 */
export function ReportProblem({ tabId, verdictAt }: Props) {
  const [peer, setPeer] = useState<PeerReportStatus | null>(null);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    send('peer/status', { tabId }).then(
      (status) => isCurrent && setPeer(status),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [tabId, verdictAt]);

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
      const answer = await send('peer/report', { tabId });
      setFailed(answer.outcome === 'failed');
      setPeer(answer.peer);
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <button
        type="button"
        data-action="report-problem"
        aria-disabled={sending}
        aria-describedby="report-hint"
        onClick={() => !sending && void onReport()}
      >
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
