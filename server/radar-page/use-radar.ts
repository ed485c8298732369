/**
 * Keeps the radar fresh while the page is looked at: asks every REFRESH_MS (the API's `max-age`, so no answer is
 * asked for twice), not at all while the tab is hidden, and at once when it comes back after missing a turn.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RadarView } from './load-radar.ts';

export const REFRESH_MS = 30_000;
/** A radar that has not answered in this long has failed this turn; the next turn tries again. */
const ATTEMPT_MS = 10_000;

export interface RadarState {
  view: RadarView | null;
  /** When `view` was read (ms since the epoch). */
  updatedAt: number | null;
  /** When the latest attempt failed, or null when it succeeded. */
  failedAt: number | null;
  isLoading: boolean;
}

export function useRadar(load: (signal: AbortSignal) => Promise<RadarView>, now: () => number = Date.now) {
  const [state, setState] = useState<RadarState>({ view: null, updatedAt: null, failedAt: null, isLoading: true });
  const lastAttempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  // Read through a ref so that a caller passing new functions each render does not restart the loop.
  const source = useRef({ load, now });
  source.current = { load, now };

  const refresh = useCallback(async () => {
    const { load, now } = source.current;
    clearTimeout(timer.current);
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    lastAttempt.current = now();
    setState((previous) => ({ ...previous, isLoading: true }));
    try {
      const view = await load(AbortSignal.any([controller.signal, AbortSignal.timeout(ATTEMPT_MS)]));
      if (controller.signal.aborted) return;
      setState({ view, updatedAt: now(), failedAt: null, isLoading: false });
    } catch {
      if (controller.signal.aborted) return; // a newer attempt replaced this one
      setState((previous) => ({ ...previous, failedAt: now(), isLoading: false }));
    }
    if (!document.hidden) timer.current = setTimeout(refresh, REFRESH_MS);
  }, []);

  useEffect(() => {
    void refresh();
    const onVisibility = () => {
      clearTimeout(timer.current);
      if (document.hidden) return;
      const due = lastAttempt.current + REFRESH_MS - source.current.now();
      if (due <= 0) void refresh();
      else timer.current = setTimeout(refresh, due);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, [refresh]);

  return { ...state, refresh };
}
