import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, isPeerEndpoint, migrateSettings, parseSettings } from './settings.ts';

describe('settings', () => {
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
