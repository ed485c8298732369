/**
 * Test support: a storage.session / storage.local stand-in with the same async, copy-on-write semantics (values are
 * cloned in and out, as the browser serialises them). Shared by the background's unit tests.
 */
import type { SessionArea } from './tab-store.ts';

export function memoryArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
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
