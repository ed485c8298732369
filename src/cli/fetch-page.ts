/**
 * Loads the page to check, as a browser's first look would: status, headers and a bounded body, classified with the
 * same core code as the extension. A connection that fails becomes a network error with the browser's categories.
 */
import { classify } from '../core/detect/index.ts';
import type { Detection, HeaderList } from '../core/detect/types.ts';
import type { PageFacts } from '../core/diagnose/types.ts';
import type { Fetch } from '../core/fetch.ts';
import { PROBE_INIT } from '../core/diagnose/probes.ts';
import type { NetworkErrorCategory } from '../core/network/network-error.ts';

const MAX_PAGE_BYTES = 10 * 1024 * 1024;

const NODE_ERRORS: ReadonlyArray<[RegExp, NetworkErrorCategory]> = [
  [/ENOTFOUND|EAI_AGAIN/, 'dns'],
  [/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/, 'refused'],
  [/ETIMEDOUT|CONNECT_TIMEOUT|HEADERS_TIMEOUT|AbortError|TimeoutError/, 'timeout'],
  [/CERT|SSL|TLS|self[- ]signed/i, 'tls'],
  [/ECONNRESET|EPIPE|SocketError|other side closed/, 'reset'],
];

function categoryOf(error: unknown): NetworkErrorCategory {
  const cause = (error as { cause?: unknown }).cause;
  const text = [error, cause, (cause as { code?: unknown } | undefined)?.code].map(String).join(' ');
  return NODE_ERRORS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}

export interface LoadedPage {
  page: PageFacts;
  detection: Detection | null;
  status: number | null;
  networkError: string | null;
}

export async function loadPage(fetch: Fetch, url: string, timeoutMs: number): Promise<LoadedPage> {
  let response: Response;
  try {
    response = await fetch(url, { ...PROBE_INIT, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const network = categoryOf(error);
    return {
      page: { kind: 'network-error', vendor: null, colo: null, code: null, unconfirmed: false, network },
      detection: null,
      status: null,
      networkError: String((error as { cause?: unknown }).cause ?? error).slice(0, 200),
    };
  }
  const headers: HeaderList = [...response.headers];
  const bytes = new Uint8Array(await response.arrayBuffer()).subarray(0, MAX_PAGE_BYTES);
  const body = new TextDecoder().decode(bytes);
  const isPlainText = (response.headers.get('content-type') ?? '').startsWith('text/plain');
  // Loaded on first use: a page that never arrived needs no parser.
  const { readPage } = await import('./read-page.ts');
  const detection = classify({ url, status: response.status, headers, page: readPage(body, isPlainText).markers });
  const page: PageFacts = {
    kind: detection.kind,
    vendor: detection.vendor,
    colo: detection.colo,
    code: detection.code,
    unconfirmed: detection.unconfirmed,
    network: null,
    ...(detection.platform && { platform: detection.platform }),
  };
  return { page, detection, status: response.status, networkError: null };
}
