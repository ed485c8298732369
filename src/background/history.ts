/**
 * The incident log in storage.local: appended when a failure verdict is stored, closed when the host is seen working
 * (its watch saw it back, or a page of it loaded normally). Only the background writes it; pages ask by message.
 */
import type { Verdict } from '../core/diagnose/types.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import { closeIncident, isIncident, parseHistory, recordIncident, type HistoryEntry } from '../core/history/log.ts';
import type { SessionArea as StorageArea } from './tab-store.ts';

const LOG_KEY = 'history';
/**
 * Hosts with an open entry, kept apart from the log: every normal page load asks "was this host failing?", and that
 * must cost one small read, not parsing 500 entries.
 */
const OPEN_KEY = 'history:open';

export function createHistory({ area, now }: { area: StorageArea; now: () => number }) {
  const queue = createKeyedQueue<typeof LOG_KEY>();
  /** Read-modify-write steps run one after another, so two verdicts arriving together both land. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => queue.run(LOG_KEY, task);

  const read = async () => parseHistory((await area.get(LOG_KEY))[LOG_KEY]);
  const write = (entries: HistoryEntry[]) =>
    area.set({ [LOG_KEY]: entries, [OPEN_KEY]: entries.filter((e) => e.end === null).map((e) => e.host) });

  function record(host: string, verdict: Verdict): Promise<void> {
    if (!host || !isIncident(verdict)) return Promise.resolve();
    return serial(async () => write(recordIncident(await read(), host, verdict, now())));
  }

  function close(host: string): Promise<void> {
    return serial(async () => {
      const open = (await area.get(OPEN_KEY))[OPEN_KEY];
      if (!Array.isArray(open) || !open.includes(host)) return;
      const result = closeIncident(await read(), host, now());
      if (result.changed) await write(result.entries);
    });
  }

  /** Newest first, as a person reads a log. */
  const list = async () => (await read()).reverse();
  const clear = () => serial(() => area.remove([LOG_KEY, OPEN_KEY]));

  return { record, close, list, clear };
}

export type History = ReturnType<typeof createHistory>;
