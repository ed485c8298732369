/** Extension pages show the language chosen in the settings, and say so in `<html lang>` for screen readers. */
import { applyLanguage, preloadLanguage } from './i18n.ts';
import type { Language } from './settings.ts';
import { extensionStorage } from './storage/extension-storage.ts';
import { readSettings } from './storage/settings-store.ts';

/** This page's own copy of the last language setting it saw: a hint only, readable before storage.sync answers. */
const LANGUAGE_HINT_KEY = 'culprit:language-hint';

export async function applyPageLanguage(language?: Language): Promise<void> {
  const chosen = language ?? (await readSettings(extensionStorage)).language;
  try {
    localStorage.setItem(LANGUAGE_HINT_KEY, chosen);
  } catch {
    // Storage disabled: the next page just cannot start early.
  }
  document.documentElement.lang = await applyLanguage(chosen);
}

/** Starts loading the language this page showed last time, while the settings are still being read. */
export function preloadLastLanguage(): void {
  try {
    preloadLanguage(localStorage.getItem(LANGUAGE_HINT_KEY) ?? 'auto');
  } catch {
    // Storage disabled: nothing to start.
  }
}
