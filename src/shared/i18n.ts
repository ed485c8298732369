/**
 * Every visible string goes through here and comes from public/_locales/{en,ko}/messages.json. Parameters are named
 * (`{host}`), not positional, so translators can reorder them; browser.i18n leaves `{…}` alone and we fill them in.
 * Keys are checked by tests/unit/locales.test.ts (same keys and parameters in both locales, every key used exists).
 */
import type { Message } from '../core/diagnose/types.ts';
import { browser } from './browser.ts';
import { vendorName } from './vendor-names.ts';

type Params = Record<string, string | number>;

/** Chrome allows only [A-Za-z0-9_] in message names; our keys may carry a kebab-case enum value. */
const keyOf = (key: string) => key.replace(/-/g, '_');

/**
 * Messages of the language chosen in the settings, when it is not the browser's; browser.i18n cannot switch language,
 * so the chosen locale's messages.json is loaded and consulted first. Keys are lower-cased: Chrome matches them so.
 */
let chosen: Map<string, string> | null = null;
let chosenLanguage: string | null = null;
/** A locale file already on its way (preloadLanguage), taken by the next applyLanguage of that language. */
let preloaded: { language: string; body: Promise<unknown> } | null = null;

const readCatalog = (language: string, fetchFn: (url: string) => Promise<Response>): Promise<unknown> =>
  fetchFn(browser.runtime.getURL(`_locales/${language}/messages.json`)).then((response) => response.json());

/**
 * Starts loading a locale's messages before the setting that chooses it has been read, so the two waits overlap
 * (the popup guesses from its last run: bench:popup showed the setting, then the file, on its first-render path).
 * A wrong guess costs one unused read of a local file.
 */
export function preloadLanguage(language: string, fetchFn: (url: string) => Promise<Response> = fetch): void {
  if (language !== 'en' && language !== 'ko') return;
  const body = readCatalog(language, fetchFn);
  body.catch(() => undefined); // applyLanguage reports the failure if it uses this read
  preloaded = { language, body };
}

/**
 * Follows the `language` setting: 'auto' uses the browser's language, 'en'/'ko' load that locale's messages.
 * A locale that cannot be loaded leaves browser.i18n in charge, so the UI is never without text.
 * @returns the language tag now in use, for `<html lang>`.
 */
export async function applyLanguage(
  language: 'auto' | 'en' | 'ko',
  fetchFn: (url: string) => Promise<Response> = fetch,
): Promise<string> {
  if (language !== 'auto' && language === chosenLanguage) return language;
  chosen = null;
  chosenLanguage = null;
  if (language === 'auto') return browser.i18n.getUILanguage();
  const pending = preloaded?.language === language ? preloaded.body : null;
  preloaded = null;
  try {
    const body = (await (pending ?? readCatalog(language, fetchFn))) as Record<string, { message?: unknown }>;
    chosen = new Map(
      Object.entries(body).flatMap(([k, m]) => (typeof m?.message === 'string' ? [[k.toLowerCase(), m.message]] : [])),
    );
    chosenLanguage = language;
    return language;
  } catch {
    return browser.i18n.getUILanguage();
  }
}

const lookup = (key: string): string | null =>
  chosen?.get(keyOf(key).toLowerCase()) ?? (browser.i18n.getMessage(keyOf(key)) || null);

/**
 * Plural forms: a message with a numeric `count` (else `total`) uses the variant for the language's plural category
 * when the locale has one (`ev_correlated_one` in English; Korean has no plural forms and needs none).
 */
function pluralKey(key: string, params: Params): string {
  const n = typeof params.count === 'number' ? params.count : typeof params.total === 'number' ? params.total : null;
  if (n === null) return key;
  const category = new Intl.PluralRules(chosenLanguage ?? browser.i18n.getUILanguage()).select(n);
  return category !== 'other' && lookup(`${key}_${category}`) !== null ? `${key}_${category}` : key;
}

/** @example t('verdict_siteOrigin', { host: 'shop.example' }) // "shop.example itself is down" */
export function t(key: string, params: Params = {}): string {
  const message = lookup(pluralKey(key, params)) ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Parameters that are codes (a detection kind, a component state) are shown in words. */
const TRANSLATED_PARAMS: Record<string, (value: string) => string> = {
  kind: (v) => t(`kind_${v}`),
  state: (v) => t(`state_${v}`),
  category: (v) => t(`network_${v}`),
  vendor: (v) => vendorName(v),
  platform: (v) => vendorName(v),
};

export function formatMessage({ key, params }: Message): string {
  const shown: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const translate = TRANSLATED_PARAMS[name];
    shown[name] = translate && typeof value === 'string' && value !== '' ? translate(value) : value;
  }
  return t(key, shown);
}
