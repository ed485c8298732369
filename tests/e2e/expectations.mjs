// Turns what the browser shows into the same shape as a scenario's expectation, so a failure prints one readable diff.
import { badgeForVerdict } from '../../src/shared/badge.ts';

/** The parts of a tab snapshot a scenario can assert on; only the keys the expectation names are kept. */
export function observed({ state, badge, color }, expect) {
  const all = {
    kind: state?.kind ?? 'none',
    vendor: state?.detection?.vendor ?? null,
    code: state?.detection?.code ?? null,
    colo: state?.detection?.colo ?? null,
    unconfirmed: state?.detection?.unconfirmed ?? false,
    category: state?.networkError?.category ?? null,
    status: state?.status ?? null,
    badge,
    color,
  };
  return Object.fromEntries(Object.keys(expect).filter((k) => k in all).map((k) => [k, all[k]]));
}

/**
 * The expectation plus the badge colour the extension's own badge table gives that kind and culprit. Only the
 * colour is taken from there (it is a design choice); the badge text stays an independent expectation.
 */
export function expected(expect) {
  const state = { kind: expect.kind, detection: { unconfirmed: expect.unconfirmed ?? false } };
  const verdict = expect.culprit ? { culprit: expect.culprit } : null;
  const { culprit: _popupOnly, ...rest } = expect;
  return { ...rest, color: hexToRgba(badgeForVerdict(/** @type {never} */ (state), /** @type {never} */ (verdict)).color) };
}

/** The popup's data-* attributes a scenario implies (data attributes are strings; absent values are ''). */
export function expectedPopup(expect) {
  const attrs = { kind: expect.kind };
  for (const k of ['vendor', 'colo', 'code', 'culprit']) {
    if (expect[k] !== undefined) attrs[k] = expect[k] === null ? '' : String(expect[k]);
  }
  return attrs;
}

export const pickKeys = (obj, keys) => Object.fromEntries(Object.keys(keys).map((k) => [k, obj?.[k]]));

/** Chromium and Firefox both report badge colours as [r, g, b, a]. */
export function hexToRgba(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
