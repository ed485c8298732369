/**
 * What a stored key is: the area it lives in, the key, the schema its value must match and the value read when it
 * does not. Items are declared only in keys.ts, so every key, its area and its shape are listed in one place.
 */
import type * as v from 'valibot';

export type AreaName = 'local' | 'session' | 'sync';

export interface StorageItem<T> {
  readonly area: AreaName;
  readonly key: string;
  /** What a stored value must match to be read; a transform may repair or migrate it on the way. */
  readonly schema: v.GenericSchema<unknown, T>;
  /** Read, as a fresh copy, when the key is absent or its value does not match the schema. */
  readonly fallback: T;
  /** The stored form, where it carries more than the value (settings carry their version). */
  toStored?(value: T): unknown;
}

/** Per-tab keys: one item per tab id under a shared prefix, e.g. `tabState(7)` is `tab:7`. */
export interface KeyFamily<T> {
  (tabId: number): StorageItem<T>;
  readonly area: AreaName;
  readonly prefix: string;
  /** The tab id a key of this family belongs to, or null for any other key. */
  idOf(key: string): number | null;
}

/** The value type comes from the schema alone; a nullable schema is how an item says "absent reads as null". */
export const item = <T>(fields: StorageItem<T> & { fallback: NoInfer<T> }): StorageItem<T> => Object.freeze(fields);

export function family<T>(
  area: AreaName,
  prefix: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: NoInfer<T>,
): KeyFamily<T> {
  const of = (tabId: number) => item({ area, key: `${prefix}${tabId}`, schema, fallback });
  const idOf = (key: string) =>
    key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)) ? Number(key.slice(prefix.length)) : null;
  return Object.assign(of, { area, prefix, idOf });
}
