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

/** @example t('verdict_siteOrigin', { host: 'shop.example' }) // "shop.example itself is down" */
export function t(key: string, params: Params = {}): string {
  const message = browser.i18n.getMessage(keyOf(key)) || key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Parameters that are codes (a detection kind, a component state) are shown in words. */
const TRANSLATED_PARAMS: Record<string, (value: string) => string> = {
  kind: (v) => t(`kind_${v}`),
  state: (v) => t(`state_${v}`),
  category: (v) => t(`network_${v}`),
  vendor: (v) => vendorName(v),
};

export function formatMessage({ key, params }: Message): string {
  const shown: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const translate = TRANSLATED_PARAMS[name];
    shown[name] = translate && typeof value === 'string' && value !== '' ? translate(value) : value;
  }
  return t(key, shown);
}
