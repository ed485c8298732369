import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../tests/support/memory-storage.ts';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../settings.ts';
import { readSettings, resetSettings, writeSettings } from './settings-store.ts';

describe('settings in storage.sync', () => {
  it('reads the defaults from an empty area: notifications on errors, the radar on, reports and archive off', async () => {
    expect(await readSettings(memoryStorage())).toEqual({
      notifications: 'errors',
      peerReports: false,
      peerEndpoints: [DEFAULT_SETTINGS.peerEndpoints[0]],
      cdnRadar: true,
      archiveLookup: false,
      language: 'auto',
    });
  });

  it('reads a stored row field by field, through its migration', async () => {
    const storage = memoryStorage({ sync: { settings: { language: 'ko', notifications: 'always' } } });
    expect(await readSettings(storage)).toEqual({ ...DEFAULT_SETTINGS, language: 'ko' });
  });

  it('writes a valid change with the version, and refuses an invalid one without touching storage', async () => {
    const storage = memoryStorage();
    expect(await writeSettings(storage, { notifications: 'cdn-wide' })).toMatchObject({ notifications: 'cdn-wide' });
    expect(storage.areas.sync.data.get('settings')).toMatchObject({
      notifications: 'cdn-wide',
      version: SETTINGS_VERSION,
    });
    expect(await writeSettings(storage, { peerEndpoints: ['javascript:alert(1)'] })).toBeNull();
    expect((await readSettings(storage)).peerEndpoints).toEqual(DEFAULT_SETTINGS.peerEndpoints);
  });

  it('reset removes the row, so every field is its default again', async () => {
    const storage = memoryStorage({ sync: { settings: { version: 1, notifications: 'off', language: 'en' } } });
    expect(await resetSettings(storage)).toEqual(DEFAULT_SETTINGS);
    expect(storage.areas.sync.data.size).toBe(0);
  });
});
