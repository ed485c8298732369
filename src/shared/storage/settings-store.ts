/** Reading and changing the person's settings (settings-item.ts, listed in keys.ts). */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../settings.ts';
import { settingsItem } from './settings-item.ts';
import type { TypedStorage } from './storage.ts';

type SettingsStorage = Pick<TypedStorage, 'read' | 'write' | 'remove'>;

/** @returns valid settings whatever was stored: each invalid or missing field takes its default. */
export const readSettings = (storage: SettingsStorage): Promise<Settings> => storage.read(settingsItem);

/**
 * Merges a change into the stored settings. The result is validated as a whole: an invalid change is refused
 * (returns null) rather than half-applied.
 */
export async function writeSettings(storage: SettingsStorage, change: Partial<Settings>): Promise<Settings | null> {
  const next = v.safeParse(SettingsSchema, { ...(await readSettings(storage)), ...change });
  if (!next.success) return null;
  await storage.write(settingsItem, next.output);
  return next.output;
}

export async function resetSettings(storage: SettingsStorage): Promise<Settings> {
  await storage.remove(settingsItem);
  return structuredClone(DEFAULT_SETTINGS);
}
