/**
 * The person's settings: one schema with defaults, a version and a migration hook (stored in storage.sync, see
 * storage/keys.ts). What is read is validated field by field, so one bad value (an older shape, a hand-edited sync
 * row) falls back to its default without throwing the other settings away (Dark Reader's validateSettings).
 */
import * as v from 'valibot';

export const SETTINGS_VERSION = 1;

export const NOTIFICATION_MODES = ['off', 'errors', 'cdn-wide'] as const;
export const LANGUAGES = ['auto', 'en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A placeholder, not a live service: no public peer-report server exists yet. It is only ever asked once the person
 * opts in, and they are expected to replace it with a server they trust (docs/server.md).
 */
export const PLACEHOLDER_PEER_ENDPOINT = 'https://peers.culprit-ext.org/v1';

const HttpsUrl = v.pipe(v.string(), v.maxLength(300), v.url(), v.startsWith('https://'));
export const MAX_PEER_ENDPOINTS = 5;

const FIELDS = {
  notifications: v.picklist(NOTIFICATION_MODES),
  peerReports: v.boolean(),
  peerEndpoints: v.pipe(v.array(HttpsUrl), v.maxLength(MAX_PEER_ENDPOINTS)),
  cdnRadar: v.boolean(),
  archiveLookup: v.boolean(),
  language: v.picklist(LANGUAGES),
};

export const SettingsSchema = v.strictObject(FIELDS);
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  notifications: 'errors',
  peerReports: false,
  peerEndpoints: [PLACEHOLDER_PEER_ENDPOINT],
  // On by default, unlike reports: a radar lookup names only the CDN of a page that already failed, as the vendor's
  // status page fetch does, and never the site (background/radar.ts).
  cdnRadar: true,
  archiveLookup: false,
  language: 'auto',
});

/** Stored form: the settings plus the version they were written at. */
type StoredSettings = Partial<Record<keyof Settings, unknown>> & { version?: unknown };

/**
 * One function per version step, `MIGRATIONS[n]` turning a version-n row into version n+1. Empty while there is
 * one version; a shape change adds a step here and bumps SETTINGS_VERSION.
 */
const MIGRATIONS: Migrations = {};
type Migrations = Record<number, (row: StoredSettings) => StoredSettings>;

/**
 * Brings a stored row up to `target`. A row without a version predates versioning and counts as version 0; a row
 * from a newer install (synced from another browser) is read as is, field by field. A step that throws leaves the
 * row where it was, and parseSettings then takes the default for whatever does not fit.
 */
export function migrateSettings(
  row: StoredSettings,
  steps: Migrations = MIGRATIONS,
  target = SETTINGS_VERSION,
): StoredSettings {
  let version = typeof row.version === 'number' && Number.isInteger(row.version) ? row.version : 0;
  let current = row;
  for (; version < target; version += 1) {
    try {
      current = steps[version]?.(current) ?? current;
    } catch {
      return current;
    }
  }
  return current;
}

/** @returns valid settings whatever was stored: each invalid or missing field takes its default. */
export function parseSettings(value: unknown): Settings {
  const row =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? migrateSettings(value as StoredSettings)
      : {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const result = v.safeParse(FIELDS[key], row[key]);
    return (result.success ? result.output : structuredClone(DEFAULT_SETTINGS[key])) as Settings[K];
  };
  return {
    notifications: pick('notifications'),
    peerReports: pick('peerReports'),
    peerEndpoints: pick('peerEndpoints'),
    cdnRadar: pick('cdnRadar'),
    archiveLookup: pick('archiveLookup'),
    language: pick('language'),
  };
}

/** True for an https URL that peerEndpoints would accept. */
export const isPeerEndpoint = (url: string): boolean => v.is(HttpsUrl, url);
