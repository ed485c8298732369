/** Reading and changing the person's settings (settings-item.ts, listed in keys.ts). */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../settings.ts';
import { settingsItem } from './settings-item.ts';
import type { TypedStorage } from './storage.ts';

type SettingsStorage = Pick<TypedStorage, 'read' | 'write' | 'remove'>;

/** @returns valid settings whatever was stored: each invalid or missing field takes its default. */
export const readSettings = (storage: SettingsStorage): Promise<Settings> => storage.read(settingsItem);

/**
 * Changes to one storage, one after the other: a change reads the row, merges and writes it back, so two run at once
 * (a tick and a choice made in quick succession) would each write over the other's field.
 */
const queues = new WeakMap<SettingsStorage, Promise<unknown>>();
function inTurn<T>(storage: SettingsStorage, task: () => Promise<T>): Promise<T> {
  const turn = (queues.get(storage) ?? Promise.resolve()).then(task);
  queues.set(
    storage,
    turn.catch(() => undefined),
  );
  return turn;
}

/**
 * Merges a change into the stored settings. The result is validated as a whole: an invalid change is refused
 * (returns null) rather than half-applied.
 */
export function writeSettings(storage: SettingsStorage, change: Partial<Settings>): Promise<Settings | null> {
  return inTurn(storage, async () => {
    const next = v.safeParse(SettingsSchema, { ...(await readSettings(storage)), ...change });
    if (!next.success) return null;
    await storage.write(settingsItem, next.output);
    return next.output;
  });
}

export function resetSettings(storage: SettingsStorage): Promise<Settings> {
  return inTurn(storage, async () => {
    await storage.remove(settingsItem);
    return structuredClone(DEFAULT_SETTINGS);
  });
}
