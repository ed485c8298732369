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

  it('keeps every one of several changes made at once, and answers each with all those before it', async () => {
    const storage = memoryStorage();
    const answers = await Promise.all([
      writeSettings(storage, { notifications: 'cdn-wide' }),
      writeSettings(storage, { archiveLookup: true }),
      writeSettings(storage, { language: 'ko' }),
    ]);
    const want = { notifications: 'cdn-wide', archiveLookup: true, language: 'ko' };
    expect(await readSettings(storage)).toMatchObject(want);
    expect(answers.at(-1)).toMatchObject(want);
    expect(answers[0]).toMatchObject({ archiveLookup: false });
  });

  it('a refused change does not stop the ones after it', async () => {
    const storage = memoryStorage();
    const [refused, kept] = await Promise.all([
      writeSettings(storage, { peerEndpoints: ['javascript:alert(1)'] }),
      writeSettings(storage, { language: 'en' }),
    ]);
    expect(refused).toBeNull();
    expect(kept).toMatchObject({ language: 'en' });
  });

  it('reset removes the row, so every field is its default again', async () => {
    const storage = memoryStorage({ sync: { settings: { version: 1, notifications: 'off', language: 'en' } } });
    expect(await resetSettings(storage)).toEqual(DEFAULT_SETTINGS);
    expect(storage.areas.sync.data.size).toBe(0);
  });
});
