/**
 * Typed reads and writes of the items in keys.ts. Every read is validated against the item's schema; a value that
 * does not match (an older shape, a hand-edited row, a bug) reads as the item's fallback instead of throwing, and is
 * reported in development builds.
 */
import * as v from 'valibot';
import { describeIssues } from '../../core/validation-issues.ts';
import type { AreaName, KeyFamily, StorageItem } from './item.ts';

/** storage.local, storage.session and storage.sync all have this shape. */
export interface StorageArea {
  /** `null` returns every key of the area. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type StorageAreas = Readonly<Record<AreaName, StorageArea>>;

/** Told of every stored value that did not match its schema, before its fallback is read instead. */
export type OnInvalid = (key: string, problem: string) => void;

/** A value with the item it is written to; see `entry`. */
export interface StorageEntry {
  readonly item: StorageItem<unknown>;
  readonly stored: unknown;
}

export const entry = <T>(item: StorageItem<T>, value: T): StorageEntry => ({
  item,
  stored: item.toStored ? item.toStored(value) : value,
});

const warnInDevelopment: OnInvalid = (key, problem) => {
  if (import.meta.env.DEV) console.warn(`storage: "${key}" does not match its schema, reading its fallback:`, problem);
};

/** Groups keys by area, so a call touching several items costs one browser call per area. */
function byArea<E>(values: readonly E[], areaOf: (value: E) => AreaName): Map<AreaName, E[]> {
  const groups = new Map<AreaName, E[]>();
  for (const value of values) groups.set(areaOf(value), [...(groups.get(areaOf(value)) ?? []), value]);
  return groups;
}

export function createStorage(areas: StorageAreas, onInvalid: OnInvalid = warnInDevelopment) {
  function parse<T>(item: StorageItem<T>, raw: unknown): T {
    if (raw === undefined) return structuredClone(item.fallback);
    const result = v.safeParse(item.schema, raw);
    if (result.success) return result.output;
    onInvalid(item.key, describeIssues(result.issues));
    return structuredClone(item.fallback);
  }

  async function read<T>(item: StorageItem<T>): Promise<T> {
    return parse(item, (await areas[item.area].get(item.key))[item.key]);
  }

  /**
   * Reads several items in one browser call per area, so they are seen as they were at one moment (a verdict and
   * the marker of the run that wrote it). @returns a lookup that parses any of those items.
   */
  async function readTogether(items: ReadonlyArray<StorageItem<unknown>>) {
    const groups = byArea(items, (i) => i.area);
    const raw = new Map(
      await Promise.all(
        [...groups].map(async ([area, group]) => [area, await areas[area].get(group.map((i) => i.key))] as const),
      ),
    );
    return <T>(item: StorageItem<T>): T => parse(item, raw.get(item.area)?.[item.key]);
  }

  /** Every item of the family that is stored now, by tab id (what a worker killed mid-way left behind). */
  async function readFamily<T>(family: KeyFamily<T>): Promise<Array<[tabId: number, value: T]>> {
    const all = await areas[family.area].get(null);
    return Object.keys(all).flatMap((key) => {
      const tabId = family.idOf(key);
      return tabId === null ? [] : [[tabId, parse(family(tabId), all[key])]];
    });
  }

  /** Writes the entries in one browser call per area: either all of an area's entries land or none do. */
  async function writeAll(...entries: StorageEntry[]): Promise<void> {
    const groups = byArea(entries, (e) => e.item.area);
    await Promise.all(
      [...groups].map(([area, group]) => areas[area].set(Object.fromEntries(group.map((e) => [e.item.key, e.stored])))),
    );
  }

  const write = <T>(item: StorageItem<T>, value: T): Promise<void> => writeAll(entry(item, value));

  async function remove(...items: ReadonlyArray<StorageItem<unknown>>): Promise<void> {
    const groups = byArea(items, (i) => i.area);
    await Promise.all([...groups].map(([area, group]) => areas[area].remove(group.map((i) => i.key))));
  }

  return { read, readTogether, readFamily, write, writeAll, remove };
}

export type TypedStorage = ReturnType<typeof createStorage>;
