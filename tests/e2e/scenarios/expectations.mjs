// Turns what the browser shows into the same shape as a scenario's expectation, so a failure prints one readable diff.
import { badgeForVerdict } from '../../../src/shared/badge.ts';

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
  return Object.fromEntries(
    Object.keys(expect)
      .filter((k) => k in all)
      .map((k) => [k, all[k]]),
  );
}

/**
 * The expectation plus the badge colour the extension's own badge table gives that kind and culprit. Only the
 * colour is taken from there (it is a design choice); the badge text stays an independent expectation.
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
 * @param {import('./table.mjs').Expectation} expect @param {import('./table.mjs').VerdictExpectation} [verdict]
 */
export function expectedPopup(expect, verdict) {
  const attrs = { kind: expect.kind };
  for (const k of ['vendor', 'colo', 'code', 'culprit']) {
    if (expect[k] !== undefined) attrs[k] = expect[k] === null ? '' : String(expect[k]);
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

/** The popup as read by driver.readPopup, in the shape of `want` (from expectedPopup). */
export function popupView(read, want) {
  const view = pickKeys(read, want);
  if ('incident' in want) view.incident = read?.incident?.includes(want.incident) ? want.incident : read?.incident;
  if ('sources' in want) view.sources = pickKeys(read?.sources ?? {}, want.sources);
  if ('adviceShown' in want) view.adviceShown = (read?.advice ?? 0) > 0;
  return view;
}

/**
 * The stored verdict in the shape of a scenario's verdict expectation, so a mismatch prints one diff.
 * @param {any} verdict @param {import('./table.mjs').VerdictExpectation} want @param {number} navigatedAt
 */
export function verdictView(verdict, want, navigatedAt) {
  const view = { rule: verdict?.rule };
  if (want.acknowledged) view.acknowledged = verdict?.acknowledged;
  if (want.incident) view.incident = verdict?.incident?.title ?? null;
  if (want.advice) view.advice = want.advice.filter((key) => verdict?.advice?.some((a) => a.key === key));
  if (want.sources)
    view.sources = Object.fromEntries(Object.keys(want.sources).map((k) => [k, verdict?.sources?.[k]?.state ?? null]));
  if (want.withinMs)
    view.withinMs =
      verdict && verdict.decidedAt - navigatedAt < want.withinMs ? want.withinMs : verdict?.decidedAt - navigatedAt;
  return view;
}

export const pickKeys = (obj, keys) => Object.fromEntries(Object.keys(keys).map((k) => [k, obj?.[k]]));

/** Chromium and Firefox both report badge colours as [r, g, b, a]. */
export function hexToRgba(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
