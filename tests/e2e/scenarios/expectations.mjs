// Turns what the browser shows into the same shape as a scenario's expectation, so a failure prints one readable diff.
/** @import { Verdict } from '../../../src/core/diagnose/types.ts' */
/** @import { TabState } from '../../../src/shared/tab-state.ts' */
/** @import { PopupReading } from '../harness/driver.mjs' */
/** @import { Expectation, VerdictExpectation } from './table.mjs' */
import { badgeForVerdict } from '../../../src/shared/badge.ts';

/**
 * What the popup must show for a scenario (expectedPopup); `kind`..`culprit` are its data-* attributes.
 * @typedef {{ [attribute: string]: unknown, kind: string, rule?: string, incident?: string,
 *   sources?: Record<string, string>, adviceShown?: boolean }} PopupExpectation
 */

/**
 * The parts of a tab snapshot a scenario can assert on; only the keys the expectation names are kept.
 * @param {{ state: TabState | null, badge: string, color: number[] }} snapshot @param {object} expect
 * @returns {Record<string, unknown>}
 */
export function observed({ state, badge, color }, expect) {
  /** @type {Record<string, unknown>} */
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
  return Object.fromEntries(
    Object.keys(expect)
      .filter((k) => k in all)
      .map((k) => [k, all[k]]),
  );
}

/**
 * The expectation plus the badge colour the extension's own badge table gives that kind and culprit. Only the
 * colour is taken from there (it is a design choice); the badge text stays an independent expectation.
 * @param {Expectation} expect
 * @returns {Record<string, unknown>}
 */
export function expected(expect) {
  const state = { kind: expect.kind, detection: { unconfirmed: expect.unconfirmed ?? false } };
  const verdict = expect.culprit ? { culprit: expect.culprit } : null;
  const { culprit: _popupOnly, ...rest } = expect;
  return {
    ...rest,
    color: hexToRgba(badgeForVerdict(/** @type {never} */ (state), /** @type {never} */ (verdict)).color),
  };
}

/**
 * What the popup must show for a scenario: its data-* attributes (strings; absent values are ''), and with a
 * `verdict` expectation the rule, the incident title, the listed sources' states and at least one advice item per
 * expected advice key. Compare with popupView(read, want).
 * @param {Expectation} expect @param {VerdictExpectation} [verdict]
 * @returns {PopupExpectation}
 */
export function expectedPopup(expect, verdict) {
  /** @type {PopupExpectation} */
  const attrs = { kind: expect.kind };
  for (const k of /** @type {const} */ (['vendor', 'colo', 'code', 'culprit'])) {
    const value = expect[k];
    if (value !== undefined) attrs[k] = value === null ? '' : String(value);
  }
  if (!verdict) return attrs;
  attrs.rule = verdict.rule;
  if (verdict.incident) attrs.incident = verdict.incident;
  // The popup lists every source that was asked; skipped ones are left out.
  if (verdict.sources)
    attrs.sources = Object.fromEntries(Object.entries(verdict.sources).filter(([, state]) => state !== 'skipped'));
  if (verdict.advice) attrs.adviceShown = true;
  return attrs;
}

/**
 * The popup as read by driver.readPopup, in the shape of `want` (from expectedPopup).
 * @param {PopupReading | undefined} read @param {PopupExpectation} want
 */
export function popupView(read, want) {
  const view = pickKeys(read, want);
  if (want.incident !== undefined)
    view.incident = read?.incident?.includes(want.incident) ? want.incident : read?.incident;
  if (want.sources) view.sources = pickKeys(read?.sources, want.sources);
  if (want.adviceShown !== undefined) view.adviceShown = (read?.advice ?? 0) > 0;
  return view;
}

/**
 * The stored verdict in the shape of a scenario's verdict expectation, so a mismatch prints one diff.
 * @param {Verdict | null} verdict @param {VerdictExpectation} want
 */
export function verdictView(verdict, want) {
  /** @type {Record<string, unknown>} */
  const view = { rule: verdict?.rule };
  if (want.acknowledged) view.acknowledged = verdict?.acknowledged;
  if (want.incident) view.incident = verdict?.incident?.title ?? null;
  if (want.advice) view.advice = want.advice.filter((key) => verdict?.advice?.some((a) => a.key === key));
  if (want.sources) {
    const named = /** @type {(keyof Verdict['sources'])[]} */ (Object.keys(want.sources));
    view.sources = Object.fromEntries(named.map((k) => [k, verdict?.sources?.[k]?.state ?? null]));
  }
  return view;
}

/**
 * `obj`'s values under the keys `keys` has (undefined where `obj` has none).
 * @param {{ [key: string]: unknown } | null | undefined} obj @param {object} keys
 * @returns {Record<string, unknown>}
 */
export const pickKeys = (obj, keys) => Object.fromEntries(Object.keys(keys).map((k) => [k, obj?.[k]]));

/** Chromium and Firefox both report badge colours as [r, g, b, a]. @param {string} hex `#rrggbb` */
function hexToRgba(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
