import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  isPeerEndpoint,
  migrateSettings,
  parseSettings,
  readSettings,
  resetSettings,
  writeSettings,
  type SyncArea,
} from './settings.ts';

function memorySync(initial: Record<string, unknown> = {}): SyncArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}

describe('settings', () => {
  it('reads the defaults from an empty area: notifications on errors, peer reports and archive lookup off', async () => {
    expect(await readSettings(memorySync())).toEqual({
      notifications: 'errors',
      peerReports: false,
      peerEndpoints: [DEFAULT_SETTINGS.peerEndpoints[0]],
      archiveLookup: false,
      language: 'auto',
    });
  });

  it('keeps valid fields and takes the default for each invalid one', () => {
    const parsed = parseSettings({
      version: SETTINGS_VERSION,
      notifications: 'always',
      peerReports: true,
      peerEndpoints: ['http://plain.example/', 'https://ok.example/v1'],
      archiveLookup: 'yes',
      language: 'ko',
    });
    expect(parsed).toEqual({ ...DEFAULT_SETTINGS, peerReports: true, language: 'ko' });
  });

  it.each([null, 'settings', 42, [], { notifications: { nested: true } }])(
    'falls back to the defaults for %j',
    (value) => {
      expect(parseSettings(value)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('writes a valid change with the version, and refuses an invalid one without touching storage', async () => {
    const area = memorySync();
    expect(await writeSettings(area, { notifications: 'cdn-wide' })).toMatchObject({ notifications: 'cdn-wide' });
    expect(area.data[SETTINGS_KEY]).toMatchObject({ notifications: 'cdn-wide', version: SETTINGS_VERSION });
    expect(await writeSettings(area, { peerEndpoints: ['javascript:alert(1)'] })).toBeNull();
    expect((await readSettings(area)).peerEndpoints).toEqual(DEFAULT_SETTINGS.peerEndpoints);
  });

  it('reset removes the row, so every field is its default again', async () => {
    const area = memorySync({ [SETTINGS_KEY]: { version: 1, notifications: 'off', language: 'en' } });
    expect(await resetSettings(area)).toEqual(DEFAULT_SETTINGS);
    expect(area.data).toEqual({});
  });

  it('migration hook: runs each step from the stored version up, and a failing step falls back field by field', () => {
    const steps = {
      1: (row: Record<string, unknown>) => ({ ...row, notifications: row.notify ? 'errors' : 'off', version: 2 }),
    };
    expect(migrateSettings({ version: 1, notify: false } as never, steps, 2)).toMatchObject({
      notifications: 'off',
      version: 2,
    });
    const throwing = {
      1: () => {
        throw new Error('bad row');
      },
    };
    const row = migrateSettings({ version: 1, language: 'ko', notifications: 'bogus' }, throwing, 2);
    expect(parseSettings(row)).toEqual({ ...DEFAULT_SETTINGS, language: 'ko' });
  });

  it('a row from a newer install is read field by field', () => {
    expect(parseSettings({ version: 99, language: 'en', futureField: true })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'en',
    });
  });

  it('peer endpoints must be https', () => {
    expect(isPeerEndpoint('https://peers.example/v1')).toBe(true);
    expect(isPeerEndpoint('http://peers.example/v1')).toBe(false);
    expect(isPeerEndpoint('not a url')).toBe(false);
  });
});
