/**
 * Per-source progress of a diagnosis under way, in storage.session so the popup can fill in each source as it
 * settles (it polls `tab/get`), even when the popup opened after the diagnosis started.
 */
import type { SourceName, SourceState } from '../core/diagnose/types.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';

export type Progress = Partial<Record<SourceName, SourceState>>;

/**
 * @returns `record` for gatherFacts' onSource, and `flushed` to await before the progress is removed. Writes are
 * coalesced: sources told in the same tick (every skipped one, told before any request starts) cost one write.
 */
export function createProgressWriter(storage: Pick<TypedStorage, 'write'>, tabId: number) {
  const sources: Progress = { page: { state: 'ok', ms: 0 } };
  const writes = createKeyedQueue<number>();
  let queued = false;
  function write() {
    queued = false;
    return storage.write(tabKeys.progress(tabId), { ...sources });
  }
  function record(name: SourceName, state: SourceState) {
    sources[name] = state;
    if (queued) return;
    queued = true;
    // A failed write is not retried: the next one carries every source's state anyway.
    void writes.run(tabId, write).catch(() => undefined);
  }
  return { record, flushed: () => writes.run(tabId, () => undefined) };
}
