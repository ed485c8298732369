import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { aVerdict, anEvidenceItem } from '../../../tests/support/builders.ts';
import { memoryStorage } from '../../../tests/support/memory-storage.ts';
import type { Verdict } from '../../core/diagnose/types.ts';
import type { HistoryEntry } from '../../core/history/log.ts';
import type { StorageItem } from './item.ts';
import { keys, tabKeys } from './keys.ts';
import type { VerdictSchema } from './verdict-schema.ts';

const items = Object.values(keys);
const families = Object.values(tabKeys);
/** One item of each family, so every declared shape is checked. */
const everyItem: Array<StorageItem<unknown>> = [...items, ...families.map((f) => f(1))];

describe('the declared keys', () => {
  it('keep the names earlier versions stored, so an update still reads what is there', () => {
    expect(items.map((i) => `${i.area} ${i.key}`).sort()).toEqual([
      'local history',
      'local history:open',
      'local notify:sent',
      'local peer:client',
      'local watches',
      'session failures',
      'session peer:reported',
      'sync settings',
    ]);
    expect(families.map((f) => `${f.area} ${f.prefix}<tabId>`).sort()).toEqual([
      'session announced:<tabId>',
      'session chain:<tabId>',
      'session diag:<tabId>',
      'session notify-held:<tabId>',
      'session notify-open:<tabId>',
      'session page-report:<tabId>',
      'session progress:<tabId>',
      'session resp:<tabId>',
      'session seen:<tabId>',
      'session tab:<tabId>',
      'session verdict:<tabId>',
    ]);
  });

  it('never overlap: no key twice, no key that a family would take for one of its own', () => {
    const named = items.map((i) => `${i.area} ${i.key}`);
    expect(new Set(named).size).toBe(named.length);
    for (const f of families) {
      expect(items.filter((i) => i.area === f.area && f.idOf(i.key) !== null)).toEqual([]);
      expect(families.filter((g) => g !== f && g.idOf(f(1).key) !== null)).toEqual([]);
    }
  });

  it('read anything stored under them as a value of their shape, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        for (const item of everyItem) {
          const storage = memoryStorage({ [item.area]: { [item.key]: value } });
          expect(v.is(item.schema, await storage.read(item))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('stored shapes', () => {
  it('a verdict is read back whole, and its schema is the Verdict type', async () => {
    const verdict = aVerdict({
      evidence: [anEvidenceItem('origin-probe', 'ev_origin_origin_error', { params: { code: 522 } })],
      sources: { page: { state: 'ok', ms: 0 }, peers: { state: 'skipped', ms: 0, reason: 'off' } },
      incident: { title: 'Elevated errors in ICN', url: null },
    });
    const storage = memoryStorage();
    await storage.write(tabKeys.verdict(3), { version: 1, subject: 's', url: 'https://shop.example/', verdict });
    expect((await storage.read(tabKeys.verdict(3)))?.verdict).toEqual(verdict);
    expectTypeOf<v.InferOutput<typeof VerdictSchema>>().toEqualTypeOf<Verdict>();
  });

  it('the incident log drops damaged entries one by one, not the whole log', async () => {
    const entry = (id: string): HistoryEntry => ({
      id,
      host: `${id}.example`,
      culprit: 'site',
      rule: 'site-origin',
      vendor: null,
      colo: null,
      start: 0,
      end: null,
      evidence: [],
    });
    const storage = memoryStorage({
      local: { history: [entry('e1'), { id: 'bad' }, 'x', { ...entry('e2'), culprit: 'martians' }] },
    });
    expect((await storage.read(keys.history)).map((e) => e.id)).toEqual(['e1']);
    expect(await memoryStorage({ local: { history: { not: 'a list' } } }).read(keys.history)).toEqual([]);
  });

  it('settings are stored with their version and read back without it', async () => {
    const storage = memoryStorage();
    const settings = await storage.read(keys.settings);
    await storage.write(keys.settings, { ...settings, language: 'ko' });
    expect(storage.areas.sync.data.get('settings')).toMatchObject({ language: 'ko', version: 1 });
    expect(await storage.read(keys.settings)).toEqual({ ...settings, language: 'ko' });
  });
});
