import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabReport } from '../shared/messages.ts';
import { send } from '../shared/send.ts';

/** Often enough that each source visibly fills in as it settles (they are bounded at 3 s). */
const POLL_MS = 250;
/** A diagnosis is bounded at about 4 s; polling a little longer covers a worker that had to wake first. */
const POLL_LIMIT_MS = 8000;

/**
 * The tab's report from the background, refreshed while a diagnosis is under way. `initial` is the report main.tsx
 * already fetched, so the first render shows it without another round trip.
 */
export function useTabReport(tabId: number | null, initial: TabReport | null = null) {
  const [report, setReport] = useState<TabReport | null>(initial);
  const [checking, setChecking] = useState(false);
  /** The background did not answer (refused, or a worker that failed to start): shown, never read as "all clear". */
  const [unreachable, setUnreachable] = useState(false);
  /** Bumped to restart polling; an older poll loop sees a different generation and stops. */
  const generation = useRef(0);

  const poll = (first: TabReport | null) => {
    if (tabId === null) return;
    const mine = ++generation.current;
    const started = Date.now();
    const load = async (next: TabReport | null) => {
      const current = next ?? (await send('tab/get', { tabId }).catch(() => null));
      if (mine !== generation.current) return;
      setUnreachable(current === null);
      if (current === null) return setChecking(false);
      setReport(current);
      if (current.pending && Date.now() - started < POLL_LIMIT_MS) setTimeout(() => void load(null), POLL_MS);
      else setChecking(false);
    };
    void load(first);
  };

  useEffect(() => {
    if (tabId === null) return setReport({ state: null, verdict: null, pending: false });
    if (!initial) poll(null);
    else if (initial.pending) poll(initial);
    return () => void generation.current++;
  }, [tabId]);

  /** "Check again" and "Check this site": starts a diagnosis and follows it source by source. */
  const check = async () => {
    if (tabId === null) return;
    setChecking(true);
    const started = await send('tab/check', { tabId }).catch(() => null);
    if (started === null) {
      setUnreachable(true);
      return setChecking(false);
    }
    poll(started);
  };

  /** After a failed exchange: asks for the tab's report again. */
  const retry = () => poll(null);

  return { report, checking, unreachable, check, retry };
}
