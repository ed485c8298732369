import { beforeEach, describe, expect, it } from 'vitest';
import { aVerdict } from '../../tests/support/builders.ts';
import { type MemoryStorage, memoryStorage } from '../../tests/support/memory-storage.ts';
import type { Verdict } from '../core/diagnose/types.ts';
import { keys } from '../shared/storage/keys.ts';
import { createHistory } from './history.ts';

const T0 = Date.UTC(2025, 10, 18, 11, 25);
/** The 18 Nov correlated CDN verdict. */
const verdict = (over: Partial<Verdict> = {}): Verdict =>
  aVerdict({
    culprit: 'cdn',
    confidence: 0.85,
    rule: 'cdn-correlated',
    headline: { key: 'verdict_cdnCorrelated', params: {} },
    explanation: { key: 'explain_cdnCorrelated', params: {} },
    acknowledged: 'unreachable',
    decidedAt: T0,
    ...over,
  });

let now = T0;
let storage: MemoryStorage;
const history = () => createHistory({ storage, now: () => now });

beforeEach(() => {
  storage = memoryStorage();
  now = T0;
});

describe('history (storage.local)', () => {
  it('logs failure verdicts, newest first, and closes an episode when the host is back', async () => {
    const log = history();
    await log.record('chatgpt.com', verdict());
    now += 1000;
    await Promise.all([log.record('x.com', verdict()), log.record('x.com', verdict({ rule: 'cdn-edge-page' }))]);
    expect((await log.list()).map((e) => [e.host, e.rule, e.end])).toEqual([
      ['x.com', 'cdn-edge-page', null],
      ['chatgpt.com', 'cdn-correlated', null],
    ]);
    now += 3 * 3600_000;
    await history().close('chatgpt.com'); // a later worker closes what an earlier one opened
    expect((await log.list()).find((e) => e.host === 'chatgpt.com')?.end).toBe(now);
    expect(await storage.read(keys.historyOpen)).toEqual(['x.com']);
  });

  it('does not log a normal page, a routine bot check or an unconfirmed page', async () => {
    const log = history();
    await log.record('a.example', verdict({ culprit: 'none', rule: 'none' }));
    await log.record('b.example', verdict({ culprit: 'blocked', rule: 'challenge' }));
    await log.record('c.example', verdict({ culprit: 'unknown', rule: 'unconfirmed' }));
    expect(await log.list()).toEqual([]);
  });

  it('a normal load of a host that never failed writes nothing', async () => {
    await history().close('never-failed.example');
    expect(storage.areas.local.data.size).toBe(0);
  });

  it('clear empties the log', async () => {
    const log = history();
    await log.record('x.com', verdict());
    await log.clear();
    expect(await log.list()).toEqual([]);
  });

  it('thirty failing subdomains of one site, settling together: one entry, and the earlier entry stays', async () => {
    const log = history();
    await log.record('mybank.example', verdict());
    now += 1000;
    await Promise.all(Array.from({ length: 30 }, (_, i) => log.record(`${i}-call-now.evil.example`, verdict())));
    const entries = await log.list();
    expect(entries.map((e) => [e.host, e.family?.count ?? 1])).toEqual([
      ['0-call-now.evil.example', 30],
      ['mybank.example', 1],
    ]);
    // Any of its hosts seen working again closes it, as for a single host.
    expect(await storage.read(keys.historyOpen)).toContain('29-call-now.evil.example');
    await log.close('29-call-now.evil.example');
    expect((await log.list())[0]?.end).toBe(now);
  });
});
