/**
 * The CLI's `fetch`: undici with two test switches, both off by default. `--resolve HOST=IP:PORT` connects to IP:PORT
 * while keeping HOST in the URL, Host header and TLS SNI (like curl's --resolve), so the real vendor hostnames can
 * point at local fakes. `--insecure` accepts self-signed certificates.
 */
import type { RequestInit as UndiciInit } from 'undici';
import type { Fetch } from '../core/fetch.ts';

export interface NodeFetchOptions {
  resolve: ReadonlyMap<string, { ip: string; port: number }>;
  insecure: boolean;
}

/**
 * @example
 * parseResolve('www.cloudflarestatus.com=127.0.0.1:8443')
 * // ['www.cloudflarestatus.com', { ip: '127.0.0.1', port: 8443 }]
 */
export function parseResolve(value: string): [string, { ip: string; port: number }] {
  const match = /^([a-z0-9.-]+)=([0-9.]+|\[[0-9a-f:]+\]):(\d{1,5})$/i.exec(value);
  if (!match) throw new Error(`--resolve expects HOST=IP:PORT, got "${value}"`);
  return [match[1]!.toLowerCase(), { ip: match[2]!.replace(/^\[|\]$/g, ''), port: Number(match[3]) }];
}

async function createUndiciFetch({ resolve, insecure }: NodeFetchOptions): Promise<Fetch> {
  const { Agent, buildConnector, fetch: undiciFetch } = await import('undici');
  const connect = buildConnector({ rejectUnauthorized: !insecure });
  const dispatcher = new Agent({
    connect: (options, callback) => {
      const target = resolve.get(options.hostname.toLowerCase());
      const servername = options.servername ?? options.hostname;
      connect(target ? { ...options, hostname: target.ip, port: String(target.port), servername } : options, callback);
    },
  });
  return async (url, init) => {
    // undici's RequestInit differs from lib.dom's only in types it adds; the values we pass are the same.
    const response = await undiciFetch(url, { ...(init as UndiciInit), dispatcher });
    return response as unknown as Response;
  };
}

/**
 * Node's own fetch unless a test switch needs a connector of our own: it is built into Node and ready at once, while
 * loading the undici package costs about a fifth of a second of start-up.
 */
export function createNodeFetch(options: NodeFetchOptions): Fetch {
  if (options.resolve.size === 0 && !options.insecure) return (url, init) => fetch(url, init);
  const custom = createUndiciFetch(options);
  return async (url, init) => (await custom)(url, init);
}
