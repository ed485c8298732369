// The real peer-report service (server/index.ts, embedded PGlite in a temporary DATA_DIR) as a child process on
// 127.0.0.1. The browsers reach it as https://PEER_HOST/v1: the fake front terminates TLS for that name (the settings
// accept https endpoints only) and forwards every request here unchanged, counting them on the way.
import crypto from 'node:crypto';
import http from 'node:http';
import { startServiceProcess } from '../harness/service-process.mjs';

/**
 * A site's entry in the service's answer to GET /v1/prefix/<4 hex>: reports in the last 15 and 60 minutes, and state.
 * @typedef {{ hostHash: string, count15: number, count60: number, state: string }} PeerEntry
 */

export const PEER_HOST = 'peers.culprit.test';
export const PEER_ENDPOINT = `https://${PEER_HOST}/v1`;

/**
 * The hash the extension sends for a registrable domain (src/core/peer/host-hash.ts), computed independently.
 * @param {string} site
 */
export const siteHash = (site) => crypto.createHash('sha256').update(site.toLowerCase()).digest('hex');

/**
 * @param {{ trustProxy?: boolean }} [options] `trustProxy`: the service takes a report's network from X-Forwarded-For
 *   (TRUST_PROXY=1), so a test can post as many networks (radar-crowd.mjs); the browsers' requests, forwarded
 *   without that header, still count as loopback.
 */
export async function startPeerService({ trustProxy = false } = {}) {
  const { port, stop } = await startServiceProcess(
    { TRUST_PROXY: trustProxy ? '1' : '0', RATE_LIMIT_RPS: '1000', RATE_LIMIT_BURST: '1000' },
    { label: 'peer service', startMs: 45_000 },
  );

  /** Every request that reached the service: `METHOD /path`. @type {string[]} */
  const requests = [];
  /**
   * For the fake front: pass the request to the service as it came (Origin included, so CORS is the real one).
   * @param {http.IncomingMessage} req @param {http.ServerResponse} res
   */
  const handle = (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const upstream = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  /**
   * The service's own answer for a site's bucket: its entry ({ count15, state, … }) or null.
   * @param {string} site
   * @returns {Promise<PeerEntry | null>}
   */
  async function entryFor(site) {
    const hash = siteHash(site);
    const res = await fetch(`http://127.0.0.1:${port}/v1/prefix/${hash.slice(0, 4)}`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status !== 200) throw new Error(`GET /v1/prefix answered ${res.status}`);
    /** @type {{ data: { entries: PeerEntry[] } }} */
    const body = await res.json();
    return body.data.entries.find((e) => e.hostHash === hash) ?? null;
  }

  return { port, requests, forward: { hosts: new Set([PEER_HOST]), handle }, entryFor, stop };
}
