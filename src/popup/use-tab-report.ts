import { useEffect, useState } from 'preact/hooks';
import { send, type TabReport } from '../shared/messages.ts';

const POLL_MS = 400;
/** A diagnosis is bounded at about 4 s; polling a little longer covers a worker that had to wake first. */
const POLL_LIMIT_MS = 8000;

/** The tab's report from the background, refreshed while a diagnosis is under way. */
export function useTabReport(tabId: number | null) {
  const [report, setReport] = useState<TabReport | null>(null);
  const [rechecking, setRechecking] = useState(false);

  useEffect(() => {
    if (tabId === null) return setReport({ state: null, verdict: null, pending: false });
    let stopped = false;
    const started = Date.now();
    const load = async () => {
      const next = await send('tab/get', { tabId });
      if (stopped) return;
      setReport(next);
      if (next.pending && Date.now() - started < POLL_LIMIT_MS) setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => void (stopped = true);
  }, [tabId]);

  const recheck = async () => {
    if (tabId === null) return;
    setRechecking(true);
    setReport(await send('tab/recheck', { tabId }));
    setRechecking(false);
  };

  return { report, rechecking, recheck };
}
