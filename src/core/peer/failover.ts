/**
 * Several peer servers, asked one after another: each gets its own time bound, the first valid answer wins, and a
 * server that is down, slow or answers garbage only costs its own attempt. When none answers the caller gets an
 * error, never an empty answer, so "no server reachable" can never be read as "nobody reported anything".
 */

export interface FailoverOptions {
  /** An AbortSignal that fires after `ms` (injected: core has no timers). */
  timeout: (ms: number) => AbortSignal;
  /** Bound of one attempt at one server. */
  attemptMs: number;
  /** The caller's own bound (the diagnosis source's); when it fires, no further server is tried. */
  signal?: AbortSignal | undefined;
}

/** Every server failed; `problems` says how, one line per server (origins only, never a path). */
export class PeersUnavailable extends Error {
  override name = 'PeersUnavailable';
}

/**
 * The address of an API route on a configured server. Both `https://peers.example` and `https://peers.example/v1/`
 * name the same API root, since the settings' placeholder carries the `/v1` and people paste either form.
 * @example apiUrl('https://peers.example/v1', 'prefix/ab12') // 'https://peers.example/v1/prefix/ab12'
 */
export function apiUrl(endpoint: string, route: string): string {
  const root = endpoint.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${root}/v1/${route}`;
}

/** Rejects when `signal` fires, even if `task` ignores it (a fake or broken fetch must not outlive its bound). */
function untilAborted<T>(task: Promise<T>, signal: AbortSignal): Promise<T> {
  task.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    task.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 80);

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'invalid address';
  }
}

/**
 * @example
 * const endpoints = ['https://a.example', 'https://b.example'];
 * await firstAnswer(endpoints, { timeout, attemptMs: 1500 }, (endpoint, signal) => ask(endpoint, signal));
 */
export async function firstAnswer<T>(
  endpoints: readonly string[],
  { timeout, attemptMs, signal }: FailoverOptions,
  attempt: (endpoint: string, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const problems: string[] = [];
  for (const endpoint of endpoints) {
    if (signal?.aborted) break;
    const bound = signal ? AbortSignal.any([signal, timeout(attemptMs)]) : timeout(attemptMs);
    try {
      return await untilAborted(attempt(endpoint, bound), bound);
    } catch (error) {
      problems.push(`${originOf(endpoint)}: ${bound.aborted ? `no answer in ${attemptMs} ms` : describe(error)}`);
    }
  }
  throw new PeersUnavailable(problems.length > 0 ? problems.join('; ') : 'no peer server configured');
}
