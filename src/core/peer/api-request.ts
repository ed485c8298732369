/**
 * How the extension talks to a peer server, for every route (reports, lookups, the CDN radar): no cookies, no
 * referrer, no redirects, no cache, bounded reads, and a status that is not the expected one is an error.
 */
import type { Fetch } from '../fetch.ts';
import { readBounded } from '../status/read-bounded.ts';

/**
 * `no-store`: a lookup must see reports made seconds ago ("Check again" after our own report; Firefox honoured the
 * server's max-age=30 and showed stale counts), and the browser's disk cache must not keep a record of what this
 * person looked up. The server's max-age is for shared caches in front of it, not for clients.
 */
export const API_INIT: RequestInit = {
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  redirect: 'error',
  cache: 'no-store',
};

export async function readJson(response: Response, maxBytes: number, signal: AbortSignal): Promise<unknown> {
  const read = await readBounded(response, maxBytes, signal);
  if (!read.ok) throw new Error(read.reason);
  try {
    return JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    throw new Error('answer is not JSON');
  }
}

export function expectStatus(response: Response, status: number): void {
  if (response.status === status) return;
  void response.body?.cancel().catch(() => undefined);
  throw new Error(`HTTP ${response.status}`);
}

/** A GET of an API route that must answer 200 with JSON of at most `maxBytes`; anything else throws. */
export async function getJson(fetch: Fetch, url: string, maxBytes: number, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { ...API_INIT, method: 'GET', signal });
  expectStatus(response, 200);
  return readJson(response, maxBytes, signal);
}
