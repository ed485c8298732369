/**
 * The one storage stand-in for unit tests: areas with the browser's async, copy-on-write semantics (values are cloned
 * in and out, as the browser serialises them), behind the same typed handle the extension uses.
 */
import type { AreaName } from '../../src/shared/storage/item.ts';
import { createStorage, type StorageArea } from '../../src/shared/storage/storage.ts';

export type MemoryArea = StorageArea & { data: Map<string, unknown> };

function memoryArea(initial: Record<string, unknown> = {}): MemoryArea {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    data,
    get: async (keys) =>
      Object.fromEntries(
        (keys === null ? [...data.keys()] : [keys].flat())
          .filter((k) => data.has(k))
          .map((k) => [k, structuredClone(data.get(k))]),
      ),
    set: async (items) => void Object.entries(items).forEach(([k, value]) => data.set(k, structuredClone(value))),
    remove: async (keys) => void [keys].flat().forEach((k) => data.delete(k)),
  };
}

/**
 * @returns the typed storage over three fresh areas; `areas` to look at or seed what is stored, `invalid` the keys
 * whose stored value did not match its schema (read as the fallback), in the order they were read.
 */
export function memoryStorage(initial: Partial<Record<AreaName, Record<string, unknown>>> = {}) {
  const areas = {
    local: memoryArea(initial.local),
    session: memoryArea(initial.session),
    sync: memoryArea(initial.sync),
  };
  const invalid: string[] = [];
  return Object.assign(
    createStorage(areas, (key) => invalid.push(key)),
    { areas, invalid },
  );
}

export type MemoryStorage = ReturnType<typeof memoryStorage>;
