// Every wait in the e2e suite goes through here so that none is unbounded and every timeout names what it awaited.

/**
 * A `done` for waitFor that narrows away null and undefined.
 * @template T
 * @param {T} value @returns {value is NonNullable<T>}
 */
export const isPresent = (value) => value !== null && value !== undefined;

/** @param {number} ms */
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
 * Like pollUntil, but throws `Timed out after Nms waiting for <what>` with the last value or error. A `done` that is
 * a type guard (such as isPresent) narrows what it returns.
 * @template T
 * @template {T} U
 * @overload
 * @param {string} what @param {() => Promise<T>} probe @param {(value: T) => value is U} done
 * @param {{ timeoutMs?: number, intervalMs?: number }} [opts]
 * @returns {Promise<U>}
 */
/**
 * @template T
 * @overload
 * @param {string} what @param {() => Promise<T>} probe @param {(value: T) => boolean} done
 * @param {{ timeoutMs?: number, intervalMs?: number }} [opts]
 * @returns {Promise<T>}
 */
/**
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

/**
 * Races a promise against a deadline so that a hung browser call fails the test instead of hanging it.
 * @template T
 * @param {string} what @param {Promise<T>} promise @param {number} ms
 * @returns {Promise<T>}
 */
export function withTimeout(what, promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms}ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
