// The extension's own strings, so tests compare page text with what the extension would say, not with copies.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './browsers.mjs';

/**
 * The extension's message catalogue, to compare page text with the real strings (plural variants as
 * src/shared/i18n.ts picks them).
 * @param {'en' | 'ko'} lang
 * @returns {(key: string, params?: Record<string, string | number>) => string}
 */
export function messages(lang) {
  const file = path.join(ROOT, 'public/_locales', lang, 'messages.json');
  /** @type {Record<string, { message: string } | undefined>} */
  const all = JSON.parse(fs.readFileSync(file, 'utf8'));
  const plural = new Intl.PluralRules(lang);
  return (key, params = {}) => {
    const n = typeof params.count === 'number' ? params.count : typeof params.total === 'number' ? params.total : null;
    const variant = n === null ? undefined : all[`${key}_${plural.select(n)}`]?.message;
    const m = variant ?? all[key]?.message;
    if (m === undefined) throw new Error(`no ${lang} message ${key}`);
    return m.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
  };
}
export const en = messages('en');
export const ko = messages('ko');
