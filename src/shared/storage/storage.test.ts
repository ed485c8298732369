import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../tests/support/memory-storage.ts';
import { family, item } from './item.ts';
import { entry } from './storage.ts';

const counter = item({ area: 'local', key: 'counter', schema: v.number(), fallback: 0 });
const names = item({ area: 'session', key: 'names', schema: v.array(v.string()), fallback: [] });
const versioned = item({
  area: 'sync',
  key: 'row',
  schema: v.object({ on: v.boolean() }),
  fallback: { on: false },
  toStored: (row) => ({ ...row, version: 3 }),
});
const marks = family('session', 'mark:', v.nullable(v.string()), null);

describe('typed storage', () => {
  it('reads the fallback for an absent key, as a fresh copy each time', async () => {
    const storage = memoryStorage();
    const first = await storage.read(names);
    first.push('changed by a caller');
    expect(await storage.read(names)).toEqual([]);
    expect(storage.invalid).toEqual([]);
  });

  it.each([
    ['a string', 'seven'],
    ['null', null],
    ['an object', { n: 7 }],
    ['NaN as a list', [Number.NaN]],
  ])('reads %s where a number belongs as the fallback, reports it, and does not throw', async (_, value) => {
    const storage = memoryStorage({ local: { counter: value } });
    expect(await storage.read(counter)).toBe(0);
    expect(storage.invalid).toEqual(['counter']);
  });

  it('writes each item to its own area, in its stored form', async () => {
    const storage = memoryStorage();
    await storage.writeAll(entry(counter, 7), entry(names, ['a']), entry(versioned, { on: true }));
    expect(Object.fromEntries(storage.areas.local.data)).toEqual({ counter: 7 });
    expect(Object.fromEntries(storage.areas.session.data)).toEqual({ names: ['a'] });
    expect(Object.fromEntries(storage.areas.sync.data)).toEqual({ row: { on: true, version: 3 } });
    expect(await storage.read(versioned)).toEqual({ on: true });
  });

  it('writes the entries of one area in one call, so they land together', async () => {
    const storage = memoryStorage();
    const calls: string[][] = [];
    const set = storage.areas.session.set;
    storage.areas.session.set = (items) => (calls.push(Object.keys(items)), set(items));
    await storage.writeAll(entry(names, ['a']), entry(marks(1), 'x'), entry(counter, 1));
    expect(calls).toEqual([['names', 'mark:1']]);
  });

  it('removes items from their own areas', async () => {
    const storage = memoryStorage({ local: { counter: 1, other: 2 }, session: { names: [], 'mark:3': 'x' } });
    await storage.remove(counter, names, marks(3));
    expect([...storage.areas.local.data.keys()]).toEqual(['other']);
    expect(storage.areas.session.data.size).toBe(0);
  });

  it('reads several items as they were at one moment', async () => {
    const storage = memoryStorage({ local: { counter: 4 }, session: { 'mark:2': 'b' } });
    const got = await storage.readTogether([counter, marks(2), names]);
    await storage.write(counter, 5);
    expect([got(counter), got(marks(2)), got(names)]).toEqual([4, 'b', []]);
  });

  it('lists a family by tab id, leaving out other keys and keys that only share the prefix', async () => {
    const storage = memoryStorage({
      session: { 'mark:1': 'a', 'mark:22': 42, 'mark:': 'no id', 'mark:x': 'not a tab', 'marks:3': 'other', names: [] },
    });
    expect(await storage.readFamily(marks)).toEqual([
      [1, 'a'],
      [22, null],
    ]);
    expect(storage.invalid).toEqual(['mark:22']);
  });

  it('a family names its keys and tells whose key is whose', () => {
    expect(marks(7)).toMatchObject({ area: 'session', key: 'mark:7' });
    expect([marks.idOf('mark:7'), marks.idOf('mark:'), marks.idOf('mark:7x'), marks.idOf('other:7')]).toEqual([
      7,
      null,
      null,
      null,
    ]);
  });
});
