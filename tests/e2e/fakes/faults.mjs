// Per-scenario faults of the fake outside world: which hosts refuse connections, which accept and never answer,
// what the status page and DNS-over-HTTPS say. The suite sets one world per scenario and resets it afterwards.
import { EGRESS_HOSTS } from './egress.mjs';
import { STATUS_HOST } from '../scenarios/table.mjs';

/**
 * `status`: a summary from status-page.mjs, or `refuse` (TCP reset as soon as the TLS hello names the host: the
 * 18 Nov 2025 status page) or `hang` (accepted, never answered).
 * `egress`: the extension's outside probes (connectivity, control hosts, DoH, status) answer, are `down` (the
 * connection is dropped: "my internet is down") or `hang`.
 * `doh`: what public DNS says about the failing name. `site`: `hang` leaves every request to a scenario site except
 * the page's own load unanswered (the extension's re-fetch, /cdn-cgi/trace, status.<site>).
 * @typedef {{ status: 'operational' | 'colo-incident' | 'challenge-outage' | 'refuse' | 'hang',
 *   egress: 'up' | 'down' | 'hang', doh: 'nxdomain' | 'resolves', site: 'up' | 'hang' }} World
 */

/** @type {Readonly<World>} */
export const DEFAULT_WORLD = Object.freeze({ status: 'operational', egress: 'up', doh: 'nxdomain', site: 'up' });

/** A scenario's world: the default with the scenario's overrides. @param {Partial<World>} [overrides] @returns {World} */
export const worldOf = (overrides = {}) => ({ ...DEFAULT_WORLD, ...overrides });

/**
 * A connection whose TLS hello names `serverName` is reset before the handshake: nothing listens, as far as it knows.
 * @param {World} world @param {string | null} serverName
 */
export const refusesHandshake = (world, serverName) => serverName === STATUS_HOST && world.status === 'refuse';

/**
 * What to do with one HTTP request: answer it (null), `drop` the connection, or `hang`.
 * @param {World} world @param {string} host @param {import('node:http').IncomingMessage} req @param {Set<string>} harnessHosts
 * @returns {'drop' | 'hang' | null}
 */
export function faultFor(world, host, req, harnessHosts) {
  if (EGRESS_HOSTS.includes(host)) {
    if (world.egress === 'down') return 'drop';
    if (world.egress === 'hang') return 'hang';
  }
  if (host === STATUS_HOST) {
    // A kept-alive connection from before the scenario never sends a new hello: refuse it here instead.
    if (world.status === 'refuse') return 'drop';
    if (world.status === 'hang') return 'hang';
  }
  if (world.site === 'hang' && !EGRESS_HOSTS.includes(host) && !harnessHosts.has(host) && !isPageLoad(req))
    return 'hang';
  return null;
}

/**
 * A navigation: the document a tab asked for (over plain HTTP, the request that accepts HTML).
 * @param {import('node:http').IncomingMessage} req
 */
export function isNavigation(req) {
  const dest = req.headers['sec-fetch-dest'];
  return dest ? dest === 'document' : String(req.headers.accept ?? '').includes('text/html');
}

/**
 * The page and what it loads, as opposed to the extension's fetch() (Sec-Fetch-Dest `empty`; both browsers send it
 * over HTTPS). The page's own subresources must still answer, or its load event would wait on them. Over plain HTTP
 * there is no Sec-Fetch-Dest: the page asks for HTML, its stylesheets for CSS and its favicon for an image; the
 * extension's fetch() accepts anything (or JSON, for a status file).
 * @param {import('node:http').IncomingMessage} req
 */
export function isPageLoad(req) {
  const dest = req.headers['sec-fetch-dest'];
  const accept = String(req.headers.accept ?? '');
  return dest ? dest !== 'empty' : accept.includes('text/html') || /^(image\/|text\/css)/.test(accept);
}

/**
 * The server name (SNI) in a TLS ClientHello, or null when `buf` is not a whole hello or names none.
 * Layout (RFC 8446 §4.1.2, RFC 6066 §3): record header 5, handshake header 4, version 2, random 32, then the
 * length-prefixed session id, cipher suites and compression methods, then the extensions.
 * @param {Buffer} buf
 */
export function serverNameOf(buf) {
  try {
    if (buf[0] !== 0x16 || buf[5] !== 0x01) return null;
    let at = 5 + 4 + 2 + 32;
    at += 1 + buf.readUInt8(at);
    at += 2 + buf.readUInt16BE(at);
    at += 1 + buf.readUInt8(at);
    const end = at + 2 + buf.readUInt16BE(at);
    for (at += 2; at + 4 <= end; ) {
      const type = buf.readUInt16BE(at);
      const len = buf.readUInt16BE(at + 2);
      if (type === 0 && buf[at + 6] === 0) return buf.toString('latin1', at + 9, at + 9 + buf.readUInt16BE(at + 7));
      at += 4 + len;
    }
  } catch {
    // A truncated hello reads past the end: treat it as naming nobody.
  }
  return null;
}

/** Bytes still missing before `buf` holds a whole first TLS record (0 when it does, or when it is not TLS). @param {Buffer} buf */
export function tlsRecordShortfall(buf) {
  if (buf[0] !== 0x16) return 0;
  if (buf.length < 5) return 5 - buf.length;
  return Math.max(0, 5 + buf.readUInt16BE(3) - buf.length);
}
