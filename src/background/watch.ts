/**
 * "Tell me when it's back": per-host watches in storage.local, each driven by one `browser.alarms` alarm, so a watch
 * survives the worker being killed and the browser restarting (alarms may not: `restore` re-creates missing ones).
 */
import { createKeyedQueue } from '../core/serial-queue.ts';
import { isExpired, nextStep, startWatch, type ProbeOutcome, type Watch } from '../core/watch/schedule.ts';
import { keys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';

interface AlarmsApi {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): Promise<unknown>;
  getAll(): Promise<Array<{ name: string }>>;
}

export interface WatcherDeps {
  storage: TypedStorage;
  alarms: AlarmsApi;
  /** probeOrigin with the extension's fetch: 'ok' is back. Rejects when the signal aborts. */
  probe: (url: string, signal: AbortSignal) => Promise<ProbeOutcome>;
  now: () => number;
  timeout: (ms: number) => AbortSignal;
  onBack: (watch: Watch) => Promise<void>;
}

const ALARM_PREFIX = 'watch:';
/** A slow answer is as good as none for "is it back?"; the next attempt comes anyway. */
const PROBE_TIMEOUT_MS = 15_000;
/** Bounds what a person (or a bug) can make us probe. */
const MAX_WATCHES = 20;

const alarmName = (host: string) => `${ALARM_PREFIX}${host}`;

export function createWatcher(deps: WatcherDeps) {
  const queue = createKeyedQueue<string>();
  /** Changes to the stored watches run one after another, so a start and an alarm cannot overwrite each other. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => queue.run(keys.watches.key, task);

  const read = (): Promise<Record<string, Watch>> => deps.storage.read(keys.watches);
  const write = (watches: Record<string, Watch>) => deps.storage.write(keys.watches, watches);
  const schedule = (watch: Watch) =>
    deps.alarms.create(alarmName(watch.host), { when: Math.max(watch.nextAt, deps.now()) });

  async function end(host: string) {
    const { [host]: _ended, ...rest } = await read();
    await write(rest);
    await deps.alarms.clear(alarmName(host));
  }

  const list = async () => Object.values(await read()).sort((a, b) => a.startedAt - b.startedAt);

  /** Starts watching a host; a host already watched keeps its schedule. */
  function start(host: string, url: string, tabId: number | null): Promise<Watch[]> {
    return serial(async () => {
      const watches = await read();
      if (!watches[host] && Object.keys(watches).length < MAX_WATCHES) {
        const watch = startWatch(host, url, tabId, deps.now());
        await write({ ...watches, [host]: watch });
        await schedule(watch);
      }
      return list();
    });
  }

  const cancel = (host: string) =>
    serial(async () => {
      await end(host);
      return list();
    });

  /** The host loaded normally in a tab: the person can see it is back, so the watch ends without a notification. */
  const seenWorking = (host: string) => serial(async () => void ((await read())[host] && (await end(host))));

  async function probe(url: string): Promise<ProbeOutcome> {
    try {
      return await deps.probe(url, deps.timeout(PROBE_TIMEOUT_MS));
    } catch {
      return 'timeout';
    }
  }

  /** alarms.onAlarm: probe the host, then end the watch or schedule the next probe. */
  async function onAlarm(alarm: { name: string }): Promise<void> {
    if (!alarm.name.startsWith(ALARM_PREFIX)) return;
    const host = alarm.name.slice(ALARM_PREFIX.length);
    const watch = (await read())[host];
    if (!watch) return void (await deps.alarms.clear(alarm.name));
    const outcome = isExpired(watch, deps.now()) ? null : await probe(watch.url);
    // The probe took time; the watch may have been cancelled meanwhile, and then nothing more is said.
    const step = outcome === null ? { kind: 'expired' as const, watch } : nextStep(watch, outcome, deps.now());
    const announce = await serial(async () => {
      if (!(await read())[host]) return false;
      if (step.kind === 'again') {
        await write({ ...(await read()), [host]: step.watch });
        await schedule(step.watch);
        return false;
      }
      await end(host);
      return step.kind === 'back';
    });
    if (announce) await deps.onBack(step.watch);
  }

  /** runtime.onStartup and worker start: every stored watch gets its alarm back; a watch past 24 h ends. */
  function restore(): Promise<void> {
    return serial(async () => {
      const [watches, alarms] = await Promise.all([read(), deps.alarms.getAll()]);
      const armed = new Set(alarms.map((a) => a.name));
      for (const watch of Object.values(watches)) {
        if (isExpired(watch, deps.now())) await end(watch.host);
        else if (!armed.has(alarmName(watch.host))) await schedule(watch);
      }
      for (const name of armed)
        if (name.startsWith(ALARM_PREFIX) && !watches[name.slice(ALARM_PREFIX.length)]) await deps.alarms.clear(name);
    });
  }

  return { start, cancel, list, onAlarm, restore, seenWorking };
}

export type Watcher = ReturnType<typeof createWatcher>;
