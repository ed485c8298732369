/** Extension pages show the language chosen in the settings, and say so in `<html lang>` for screen readers. */
import { browser } from './browser.ts';
import { applyLanguage } from './i18n.ts';
import { readSettings, type Language } from './settings.ts';

export async function applyPageLanguage(language?: Language): Promise<void> {
  const chosen = language ?? (await readSettings(browser.storage.sync)).language;
  document.documentElement.lang = await applyLanguage(chosen);
}
