// Every wait in the e2e suite goes through here so that none is unbounded and every timeout names what it awaited.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until `done(value)` holds or `timeoutMs` passes. Returns the last value either way; `ok` says which.
 * A probe that throws counts as "not yet" (pages and extension contexts come and go during navigation).
 * @template T
 * @param {() => Promise<T>} probe
 * @param {(value: T) => boolean} done
 * @param {{ timeoutMs?: number, intervalMs?: number }} [opts]
 * @returns {Promise<{ ok: boolean, value: T | undefined, error: unknown }>}
 */
export async function pollUntil(probe, done, { timeoutMs = 10_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  let error;
  for (;;) {
    try {
      value = await probe();
      error = undefined;
      if (done(value)) return { ok: true, value, error };
    } catch (err) {
      error = err;
    }
    if (Date.now() >= deadline) return { ok: false, value, error };
    await sleep(intervalMs);
  }
}

/**
 * Like pollUntil, but throws `Timed out after Nms waiting for <what>` with the last value or error.
 * @template T
 * @param {string} what @param {() => Promise<T>} probe @param {(value: T) => boolean} done
 * @param {{ timeoutMs?: number, intervalMs?: number }} [opts]
 * @returns {Promise<T>}
 */
export async function waitFor(what, probe, done, opts = {}) {
  const r = await pollUntil(probe, done, opts);
  if (r.ok) return /** @type {T} */ (r.value);
  const last = r.error ? `last error: ${r.error}` : `last value: ${JSON.stringify(r.value)}`;
  throw new Error(`Timed out after ${opts.timeoutMs ?? 10_000}ms waiting for ${what}; ${last}`);
}

/** Races a promise against a deadline so that a hung browser call fails the test instead of hanging it. */
export function withTimeout(what, promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms}ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
