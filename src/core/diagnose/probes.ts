/**
 * The independent probes, written once for the extension and the CLI: each takes an injected `fetch` and a signal.
 * Every request is cookieless and uncached, and carries nothing but itself. Only the site sees its own URL.
 *
 * No probe follows a redirect. The failing site chooses where a redirect points, and a hostile one could aim the
 * extension's GET at any host (a router's admin page on the person's LAN). A redirect is read as what it is: the
 * host answered.
 */
import { classify } from '../detect/index.ts';
import type { HeaderList } from '../detect/types.ts';
import type { ProbeFacts } from './types.ts';
import type { Fetch } from '../fetch.ts';
import { parseTrace, type TraceFacts } from './trace.ts';

/** No cookies, no cache, no referrer: the probe must not look like the person and must not leak where they were. */
export const PROBE_INIT: RequestInit = {
  credentials: 'omit',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
  redirect: 'manual',
};

/**
 * A redirect answer: browsers hand back an `opaqueredirect` (status 0, no headers), Node's fetch the 3xx itself.
 * Either way the host that was asked answered, and where it points is not followed.
 */
const isRedirect = (response: Response): boolean =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

const MAX_BODY = 64 * 1024;

async function readText(response: Response): Promise<string> {
  const buffer = await response.arrayBuffer();
  return new TextDecoder().decode(buffer.slice(0, MAX_BODY));
}

const headerList = (response: Response): HeaderList => [...response.headers].slice(0, 64);

/** Re-fetches the failing page as a stranger would. Headers decide: a service worker has no DOMParser. */
export async function probeOrigin(fetch: Fetch, url: string, signal: AbortSignal): Promise<ProbeFacts['origin']> {
  let response: Response;
  try {
    response = await fetch(url, { ...PROBE_INIT, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return 'unreachable';
  }
  void response.body?.cancel().catch(() => undefined);
  if (isRedirect(response)) return 'ok';
  const detection = classify({ url, status: response.status, headers: headerList(response), page: null });
  if (detection.kind === 'edge-error') return 'cdn-error';
  if (response.status >= 500 || detection.kind === 'origin-error' || detection.kind === 'site-config')
    return 'origin-error';
  return 'ok';
}

/** `/cdn-cgi/trace` on the failing host itself (Cloudflare only); a redirect is not ok, so it gives no trace. */
export async function probeTrace(fetch: Fetch, origin: string, signal: AbortSignal): Promise<TraceFacts | null> {
  const response = await fetch(`${origin}/cdn-cgi/trace`, { ...PROBE_INIT, signal });
  return response.ok ? parseTrace(await readText(response)) : null;
}

/** @returns true when the URL answered with anything but a server error (a redirect is an answer). */
export async function probeReachable(fetch: Fetch, url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(url, { ...PROBE_INIT, signal });
    void response.body?.cancel().catch(() => undefined);
    return response.status < 500; // an opaqueredirect's status is 0
  } catch (error) {
    if (signal.aborted) throw error;
    return false;
  }
}

/** One DoH JSON lookup (RFC 8484 JSON flavour used by Cloudflare and Google). Only the host name is sent. */
export async function probeDoh(
  fetch: Fetch,
  endpoint: string,
  host: string,
  signal: AbortSignal,
): Promise<'resolves' | 'nxdomain' | null> {
  const url = `${endpoint}?name=${encodeURIComponent(host)}&type=A`;
  const response = await fetch(url, { ...PROBE_INIT, signal, headers: { accept: 'application/dns-json' } });
  if (!response.ok) return null; // a redirect is not ok: the endpoint moved, and we do not follow it
  let body: unknown;
  try {
    body = JSON.parse(await readText(response));
  } catch {
    return null;
  }
  const { Status: status, Answer: answer } = (body ?? {}) as { Status?: unknown; Answer?: unknown };
  if (status === 3) return 'nxdomain';
  if (status === 0 && Array.isArray(answer) && answer.length > 0) return 'resolves';
  // NOERROR with no address is as unreachable as NXDOMAIN; SERVFAIL proves nothing.
  return status === 0 ? 'nxdomain' : null;
}
