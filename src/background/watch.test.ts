import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type MemoryStorage, memoryStorage } from '../../tests/support/memory-storage.ts';
import type { ProbeOutcome, Watch } from '../core/watch/schedule.ts';
import { keys } from '../shared/storage/keys.ts';

const T0 = Date.UTC(2025, 11, 5, 8, 47);
let now = T0;
/** Outlives each fresh watcher, as storage.local outlives the worker. */
let storage: MemoryStorage;

/** Each call imports the module afresh, as a worker woken after being killed would. */
async function freshWatcher(outcomes: Array<ProbeOutcome | 'hang'> = []) {
  vi.resetModules();
  const { createWatcher } = await import('./watch.ts');
  const onBack = vi.fn(async (_watch: Watch) => undefined);
  const probe = vi.fn(async (_url: string, signal: AbortSignal): Promise<ProbeOutcome> => {
    const next = outcomes.shift() ?? 'origin-error';
    if (next !== 'hang') return next;
    return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  });
  const watcher = createWatcher({
    storage,
    alarms: fakeBrowser.alarms,
    probe,
    now: () => now,
    timeout: () => AbortSignal.timeout(20),
    onBack,
  });
  return { watcher, onBack, probe };
}

const alarms = async () => (await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime - T0]);
const stored = () => storage.read(keys.watches);

beforeEach(() => {
  fakeBrowser.reset();
  storage = memoryStorage();
  now = T0;
});

describe('watcher', () => {
  it('start stores the watch and sets its alarm 30 s out; starting again keeps the schedule', async () => {
    const { watcher } = await freshWatcher();
    expect(await watcher.start('shop.example', 'https://shop.example/cart', 7)).toEqual([
      {
        host: 'shop.example',
        url: 'https://shop.example/cart',
        tabId: 7,
        startedAt: T0,
        attempts: 0,
        nextAt: T0 + 30_000,
      },
    ]);
    now += 10_000;
    await watcher.start('shop.example', 'https://shop.example/', 8);
    expect(await alarms()).toEqual([['watch:shop.example', 30_000]]);
    expect((await stored())['shop.example']?.url).toBe('https://shop.example/cart');
  });

  it('backs off across worker restarts: each alarm is handled by a freshly imported module', async () => {
    await (await freshWatcher()).watcher.start('shop.example', 'https://shop.example/', 7);
    const due: number[] = [];
    for (const outcome of ['cdn-error', 'origin-error', 'unreachable', 'hang'] as const) {
      const { watcher } = await freshWatcher([outcome]);
      now = (await stored())['shop.example']!.nextAt;
      await watcher.onAlarm({ name: 'watch:shop.example' });
      due.push(((await stored())['shop.example']!.nextAt - now) / 1000);
    }
    expect(due).toEqual([60, 120, 240, 480]);
    expect((await alarms())[0]?.[0]).toBe('watch:shop.example');
  });

  it('back: the probe answers ok, so the watch ends, its alarm is cleared and onBack is told', async () => {
    const { watcher, onBack, probe } = await freshWatcher(['cdn-error', 'ok']);
    await watcher.start('shop.example', 'https://shop.example/', 7);
    await watcher.onAlarm({ name: 'watch:shop.example' });
    expect(onBack).not.toHaveBeenCalled();
    await watcher.onAlarm({ name: 'watch:shop.example' });
    expect(probe).toHaveBeenLastCalledWith('https://shop.example/', expect.any(AbortSignal));
    expect(onBack).toHaveBeenCalledWith(expect.objectContaining({ host: 'shop.example', tabId: 7 }));
    expect(await stored()).toEqual({});
    expect(await alarms()).toEqual([]);
  });

  it('stops after 24 h without probing again', async () => {
    const { watcher, probe, onBack } = await freshWatcher();
    await watcher.start('shop.example', 'https://shop.example/', null);
    now = T0 + 24 * 3600_000 + 1;
    await watcher.onAlarm({ name: 'watch:shop.example' });
    expect(probe).not.toHaveBeenCalled();
    expect(onBack).not.toHaveBeenCalled();
    expect(await stored()).toEqual({});
  });

  it('a watch cancelled while its probe was out says nothing when the site answers', async () => {
    let release!: (o: ProbeOutcome) => void;
    const { watcher, onBack, probe } = await freshWatcher();
    probe.mockImplementationOnce(() => new Promise((r) => (release = r)));
    await watcher.start('shop.example', 'https://shop.example/', 7);
    const alarm = watcher.onAlarm({ name: 'watch:shop.example' });
    await vi.waitFor(() => expect(probe).toHaveBeenCalled());
    expect(await watcher.cancel('shop.example')).toEqual([]);
    release('ok');
    await alarm;
    expect(onBack).not.toHaveBeenCalled();
    expect(await alarms()).toEqual([]);
  });

  it('browser restart: restore re-creates lost alarms, ends expired watches and drops orphan alarms', async () => {
    const { watcher } = await freshWatcher();
    await watcher.start('a.example', 'https://a.example/', null);
    now = T0 + 23 * 3600_000;
    await watcher.start('b.example', 'https://b.example/', null);
    fakeBrowser.alarms.resetState(); // alarms gone, storage.local kept
    await fakeBrowser.alarms.create('watch:ghost.example', { when: T0 });
    now = T0 + 24 * 3600_000 + 5;
    await (await freshWatcher()).watcher.restore();
    expect(Object.keys(await stored())).toEqual(['b.example']);
    expect(await alarms()).toEqual([['watch:b.example', now - T0]]);
  });

  it('a normal load of the host ends its watch quietly; other alarms are not ours', async () => {
    const { watcher, probe } = await freshWatcher();
    await watcher.start('shop.example', 'https://shop.example/', 7);
    await watcher.seenWorking('shop.example');
    expect(await watcher.list()).toEqual([]);
    await watcher.onAlarm({ name: 'status-refresh' });
    expect(probe).not.toHaveBeenCalled();
  });

  it('ignores stored rows of another shape', async () => {
    await storage.areas.local.set({
      watches: {
        bad: { host: 'bad' },
        'ok.example': {
          host: 'ok.example',
          url: 'https://ok.example/',
          tabId: null,
          startedAt: T0,
          attempts: 0,
          nextAt: T0,
        },
      },
    });
    expect((await (await freshWatcher()).watcher.list()).map((w) => w.host)).toEqual(['ok.example']);
  });
});
