/**
 * Fetches status sources with a short cache, conditional revalidation and merged concurrent requests.
 *
 * Request policy, and why:
 * - `redirect: 'manual'`: vendors migrate platforms; a redirect is reported as `failed`, never followed
 *   to whatever HTML now lives there (browsers give an `opaqueredirect`, Node a 3xx: both are caught).
 * - `credentials: 'omit'`, `referrerPolicy: 'no-referrer'`: no cookies, nothing about the page the user is on.
 * - `cache: 'no-store'` plus our own validators: we keep the parsed status and its ETag/Last-Modified, send
 *   If-None-Match / If-Modified-Since ourselves and get the server's 304 back untouched. `no-store` only
 *   bypasses the browser's HTTP cache; with `no-cache` the browser would answer our revalidation from its
 *   own copy (a 200 we must re-parse) and store a second copy of every payload.
 * The cache lives in this closure: a worker restart loses it, which only costs one refetch.
 */
import type { Fetch } from '../fetch.ts';
import { readBounded } from './read-bounded.ts';
import { MAX_BODY_BYTES, type SourceResult, type StatusSource, type VendorStatus } from './types.ts';

export interface StatusFetcherDeps {
  fetch: Fetch;
  now: () => number;
  /** An AbortSignal that fires after `ms` (AbortSignal.timeout in production). */
  timeout: (ms: number) => AbortSignal;
  /** How long a good answer is reused without asking again. */
  ttlMs?: number;
  /** How long a failure is reused, so a dead status page is not hammered on every tab. */
  failureTtlMs?: number;
  /** Budget for one request including the body. */
  timeoutMs?: number;
  maxBytes?: number;
}

export interface StatusFetcher {
  /** The source's status: cached, revalidated or fetched. Never throws. */
  get(source: StatusSource): Promise<SourceResult>;
  clear(): void;
}

interface CacheEntry {
  good?: { status: VendorStatus; etag: string | null; lastModified: string | null; at: number };
  failure?: { result: SourceResult; at: number };
}

type HttpSource = Extract<StatusSource, { kind: 'http' }>;

/**
 * Create a status fetcher.
 * @example
 * const statuses = createStatusFetcher({ fetch, now: Date.now, timeout: (ms) => AbortSignal.timeout(ms) });
 * const result = await statuses.get(statusSourcesFor('cloudflare')[0]);
 */
export function createStatusFetcher(deps: StatusFetcherDeps): StatusFetcher {
  const ttlMs = deps.ttlMs ?? 60_000;
  const failureTtlMs = deps.failureTtlMs ?? 10_000;
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const cache = new Map<string, CacheEntry>();
  const inflight = new Map<string, Promise<SourceResult>>();

  async function load(source: HttpSource, key: string): Promise<SourceResult> {
    const start = deps.now();
    const entry = cache.get(key) ?? {};
    const finish = (result: { state: 'failed' | 'timeout'; reason: string }): SourceResult => {
      const done = { ...result, ms: deps.now() - start };
      cache.set(key, { ...entry, failure: { result: done, at: deps.now() } });
      return done;
    };
    const signal = deps.timeout(timeoutMs);
    const headers: Record<string, string> = { accept: source.accept };
    if (entry.good?.etag) headers['if-none-match'] = entry.good.etag;
    if (entry.good?.lastModified) headers['if-modified-since'] = entry.good.lastModified;
    let response: Response;
    try {
      response = await deps.fetch(source.url, {
        method: 'GET',
        headers,
        signal,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      if (signal.aborted) return finish({ state: 'timeout', reason: `no answer within ${timeoutMs} ms` });
      return finish({
        state: 'failed',
        reason: `network error: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    if (response.status === 304 && entry.good) {
      await response.body?.cancel().catch(() => undefined);
      const good = { ...entry.good, status: { ...entry.good.status, fetchedAt: deps.now() }, at: deps.now() };
      cache.set(key, { good });
      return { state: 'ok', status: good.status, ms: deps.now() - start };
    }
    if (response.status === 304) {
      return finish({ state: 'failed', reason: 'HTTP 304 without a cached copy to reuse' });
    }
    if (
      response.type === 'opaqueredirect' ||
      response.redirected ||
      (response.status >= 300 && response.status < 400)
    ) {
      await response.body?.cancel().catch(() => undefined);
      return finish({
        state: 'failed',
        reason: `redirected (HTTP ${response.status}): the status page may have moved`,
      });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return finish({ state: 'failed', reason: `HTTP ${response.status}` });
    }
    const body = await readBounded(response, source.maxBytes ?? deps.maxBytes ?? MAX_BODY_BYTES, signal);
    if (!body.ok) return finish({ state: body.timedOut ? 'timeout' : 'failed', reason: body.reason });
    const meta = {
      contentType: response.headers.get('content-type'),
      httpStatus: response.status,
      url: source.url,
      now: deps.now(),
    };
    let parsed: ReturnType<HttpSource['parse']>;
    try {
      parsed = source.parse(body.bytes, meta);
    } catch (error) {
      // Parsers are written not to throw; if one does, that is a bug to report, not an outage.
      return finish({ state: 'failed', reason: `parser error: ${String(error)}` });
    }
    if (parsed.state === 'failed') return finish(parsed);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    cache.set(key, { good: { status: parsed.status, etag, lastModified, at: deps.now() } });
    return { state: 'ok', status: parsed.status, ms: deps.now() - start };
  }

  function fromCache(entry: CacheEntry | undefined, now: number): SourceResult | null {
    if (entry?.good && now - entry.good.at < ttlMs) {
      return { state: 'ok', status: entry.good.status, ms: 0 };
    }
    if (entry?.failure && now - entry.failure.at < failureTtlMs) return { ...entry.failure.result, ms: 0 };
    return null;
  }

  return {
    get(source) {
      if (source.kind === 'unavailable') return Promise.resolve({ state: 'skipped', reason: source.reason, ms: 0 });
      const key = `${source.id} ${source.url}`;
      const cached = fromCache(cache.get(key), deps.now());
      if (cached) return Promise.resolve(cached);
      const pending = inflight.get(key);
      if (pending) return pending;
      const request = load(source, key)
        .catch((error: unknown): SourceResult => ({ state: 'failed', reason: `unexpected: ${String(error)}`, ms: 0 }))
        .finally(() => inflight.delete(key));
      inflight.set(key, request);
      return request;
    },
    clear() {
      cache.clear();
    },
  };
}
