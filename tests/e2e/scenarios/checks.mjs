// The per-scenario steps of the suite: isolate a scenario from the last one, then check the tab, the stored verdict.
/** @import { Driver } from '../harness/types.d.ts' */
/** @import { World } from '../fakes/faults.mjs' */
/** @import { Expectation, VerdictExpectation } from './table.mjs' */
import assert from 'node:assert/strict';
import { expected, observed, verdictView } from './expectations.mjs';
import { pollUntil } from '../harness/wait.mjs';

// A quiet page must stay quiet this long after load; the content script runs at document_idle, well within it.
const QUIET_WINDOW = 2_500;
export const VERDICT_TIMEOUT = 10_000;

/**
 * Gives a scenario its own world: the fakes' faults, a fresh background (its status cache lives in memory for 60 s,
 * so a status page changed between scenarios would otherwise go unseen) and an empty failure log. The extension
 * correlates failures across sites behind one CDN (src/core/diagnose/correlation.ts, storage.session 'failures');
 * without this a verdict would depend on which scenarios ran before it. Correlation scenarios build their own
 * history with `preload`.
 * @param {Driver} driver @param {{ setWorld: (world?: Partial<World>) => void }} server
 * @param {Partial<World> | undefined} world
 */
export async function isolate(driver, server, world) {
  server.setWorld(world);
  await driver.restartBackground();
  await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('failures'));
}

/** @param {Driver} driver @returns {Promise<{ site: string }[]>} the extension's failure log (same key as above). */
export async function failureLog(driver) {
  const got = await driver.ext(() => (globalThis.browser ?? globalThis.chrome).storage.session.get('failures'));
  return Array.isArray(got.failures) ? got.failures : [];
}

/**
 * Waits for the expected tab state and badge (or, for a working page, watches that none appears) and asserts it.
 * @param {Driver} driver @param {number} tabId @param {Expectation} expect
 */
export async function checkTab(driver, tabId, expect) {
  const want = expected(expect);
  const read = async () => {
    const [snap, color] = await Promise.all([driver.snapshot(tabId), driver.badgeColor(tabId)]);
    return { snap, got: observed({ ...snap, color }, want) };
  };
  const r =
    expect.kind === 'none'
      ? await pollUntil(read, (x) => x.got.badge !== '' || x.got.kind !== 'none', { timeoutMs: QUIET_WINDOW })
      : await pollUntil(read, (x) => isDeepEqual(x.got, want), { timeoutMs: VERDICT_TIMEOUT });
  if (!r.value) throw r.error ?? new Error(`no reading of tab ${tabId}`);
  const { snap, got } = r.value;
  // A working page may store kind none or nothing at all, and an empty badge has no colour worth comparing.
  for (const k of [...(snap.state === null ? ['status'] : []), ...(expect.badge === '' ? ['color'] : [])]) {
    delete want[k];
    delete got[k];
  }
  assert.deepEqual(got, want, `tab ${tabId}: state and badge after ${r.ok ? 'match' : 'timeout'}`);
  return snap;
}

/**
 * Checks the stored verdict against the scenario's verdict expectation (call once the popup shows the expected
 * culprit, so the verdict about the tab's final page reading is in). Returns its timing for the results log:
 * `afterNavigationMs` (from just before the navigation) and `afterPageMs` (from the tab state's last update).
 * @param {Driver} driver @param {number} tabId @param {VerdictExpectation} want @param {number} navigatedAt
 */
export async function checkVerdict(driver, tabId, want, navigatedAt) {
  const [stored, state] = await Promise.all([driver.verdict(tabId), driver.state(tabId)]);
  const verdict = stored?.verdict ?? null;
  const timing = verdict && {
    afterNavigationMs: verdict.decidedAt - navigatedAt,
    afterPageMs: state ? verdict.decidedAt - state.updatedAt : null,
  };
  assert.deepEqual(
    verdictView(verdict, want),
    want,
    `tab ${tabId}: stored verdict ${JSON.stringify({ timing, sources: verdict?.sources })}`,
  );
  return { verdict, timing };
}

/** @param {unknown} a @param {unknown} b */
export function isDeepEqual(a, b) {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
