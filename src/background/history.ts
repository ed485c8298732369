/**
 * The incident log in storage.local: appended when a failure verdict is settled (or the site's entry continued, see
 * core/history/log.ts), closed when a host it covers is seen working (its watch saw it back, or a page of it loaded
 * normally). Only the background writes it; pages ask by message.
 */
import type { Verdict } from '../core/diagnose/types.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import { closeIncident, hostsOf, isIncident, recordIncident, type HistoryEntry } from '../core/history/log.ts';
import { keys } from '../shared/storage/keys.ts';
import { entry, type TypedStorage } from '../shared/storage/storage.ts';

export function createHistory({ storage, now }: { storage: TypedStorage; now: () => number }) {
  const queue = createKeyedQueue<string>();
  /** Read-modify-write steps run one after another, so two verdicts arriving together both land. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => queue.run(keys.history.key, task);

  const read = () => storage.read(keys.history);
  /** The log and the hosts its open entries cover are written together, so they cannot disagree. */
  const write = (entries: HistoryEntry[]) =>
    storage.writeAll(
      entry(keys.history, entries),
      entry(keys.historyOpen, entries.filter((e) => e.end === null).flatMap(hostsOf)),
    );

  function record(host: string, verdict: Verdict): Promise<void> {
    if (!host || !isIncident(verdict)) return Promise.resolve();
    return serial(async () => write(recordIncident(await read(), host, verdict, now())));
  }

  function close(host: string): Promise<void> {
    return serial(async () => {
      if (!(await storage.read(keys.historyOpen)).includes(host)) return;
      const result = closeIncident(await read(), host, now());
      if (result.changed) await write(result.entries);
    });
  }

  /** Newest first, as a person reads a log. */
  const list = async () => (await read()).reverse();
  const clear = () => serial(() => storage.remove(keys.history, keys.historyOpen));

  return { record, close, list, clear };
}

export type History = ReturnType<typeof createHistory>;
