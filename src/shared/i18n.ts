/**
 * Every visible string goes through here and comes from public/_locales/{en,ko}/messages.json.
 * Keys are checked by tests/unit/locales.test.ts (same keys in both locales, every key used in src exists).
 */
import { browser } from './browser.ts';

/** @example t('title_blocked') // "This site is blocking you" */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
