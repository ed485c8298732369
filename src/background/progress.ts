/**
 * Per-source progress of a diagnosis under way, in storage.session so the popup can fill in each source as it
 * settles (it polls `tab/get`), even when the popup opened after the diagnosis started.
 */
import { SOURCE_NAMES, type SourceName, type SourceState } from '../core/diagnose/types.ts';
import type { SessionArea } from './tab-store.ts';

export type Progress = Partial<Record<SourceName, SourceState>>;

export const progressKey = (tabId: number) => `progress:${tabId}`;

/**
 * @returns `record` for gatherFacts' onSource, and `flushed` to await before the progress is removed. Writes are
 * coalesced: sources told in the same tick (every skipped one, told before any request starts) cost one write.
 */
export function createProgressWriter(session: SessionArea, tabId: number) {
  const sources: Progress = { page: { state: 'ok', ms: 0 } };
  let queued = false;
  let chain: Promise<void> = Promise.resolve();
  function write() {
    queued = false;
    return session.set({ [progressKey(tabId)]: { ...sources } });
  }
  function record(name: SourceName, state: SourceState) {
    sources[name] = state;
    if (queued) return;
    queued = true;
    chain = chain.then(write, write);
  }
  return { record, flushed: () => chain.catch(() => undefined) };
}

/** @returns the stored progress, keeping only entries of the expected shape (storage outlives versions). */
export function parseProgress(value: unknown): Progress | null {
  if (typeof value !== 'object' || value === null) return null;
  const names: readonly string[] = SOURCE_NAMES;
  const entries = Object.entries(value).filter(
    ([name, s]) =>
      names.includes(name) &&
      typeof s === 'object' &&
      s !== null &&
      typeof (s as SourceState).state === 'string' &&
      typeof (s as SourceState).ms === 'number',
  );
  return Object.fromEntries(entries) as Progress;
}
