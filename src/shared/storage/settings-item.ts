/**
 * The person's settings as a storage item. It lives apart from keys.ts, which lists it with every other key, so that
 * the popup and the options page (which read only the settings) do not load every stored shape's schema.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION } from '../settings.ts';
import { item } from './item.ts';

/** Stored with the version they were written at and migrated on read. */
export const settingsItem = item({
  area: 'sync',
  key: 'settings',
  schema: v.pipe(v.unknown(), v.transform(parseSettings)),
  fallback: DEFAULT_SETTINGS,
  toStored: (settings) => ({ ...settings, version: SETTINGS_VERSION }),
});
