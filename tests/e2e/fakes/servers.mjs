// Fake CDN/origin/status servers on 127.0.0.1. One port speaks both HTTP and HTTPS (sniffed from the first byte),
// so the browsers need a single port remap (Chromium MAP rule, Firefox forcePort) for every fake host and scheme.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSelfSignedCert } from '../../tools/certs.mjs';
import { EGRESS_HOSTS, probeAnswer } from './egress.mjs';
import {
  faultFor,
  isNavigation,
  isPageLoad,
  refusesHandshake,
  serverNameOf,
  tlsRecordShortfall,
  worldOf,
} from './faults.mjs';
import { statusSummary } from './status-page.mjs';
import { replay } from './tls-replay.mjs';
import { CONTROL_URL, fakeHosts, SCENARIOS, STATUS_HOST, WARMUP_URL } from '../scenarios/table.mjs';

const PAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pages');
const TLS_HANDSHAKE = 0x16;
/** The harness's own pages: never part of a scenario's faults. */
const HARNESS_HOSTS = new Set([new URL(WARMUP_URL).hostname, new URL(CONTROL_URL).hostname]);

/** Every name the browsers must send to the fakes: the scenario sites plus the extension's own outside calls. */
export const mappedHosts = () => [...new Set([...fakeHosts(), ...EGRESS_HOSTS])];

/**
 * A page from pages/ with its {{placeholders}} filled in.
 * @param {string} page @param {string} host @param {Record<string, string> | undefined} vars
 * @param {string | undefined} rayHeader
 */
function render(page, host, vars, rayHeader) {
  const rayHex = (rayHeader ?? '').split('-')[0] || '8a1b2c3d4e5f9999';
  /** @type {Record<string, string>} */
  const all = { host, rayId: rayHex, rayHex, city: '', ...vars };
  return fs.readFileSync(path.join(PAGES, page), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => all[k] ?? '');
}

/** host -> route, from the scenario table plus the harness's own hosts. */
function routeTable() {
  /** @type {Map<string, import('../scenarios/table.mjs').Route>} */
  const routes = new Map();
  for (const s of SCENARIOS) {
    for (const { url, route } of [s, ...(s.preload ?? [])]) if (route) routes.set(new URL(url).hostname, route);
  }
  const warmUp = SCENARIOS[0]?.route;
  if (warmUp) routes.set(new URL(WARMUP_URL).hostname, warmUp);
  routes.set(new URL(CONTROL_URL).hostname, {
    status: 200,
    headers: { 'content-type': 'text/html' },
    page: 'site-404.html',
  });
  return routes;
}

/**
 * @param {string[]} hosts names the certificate covers
 * @param {{ routes?: Record<string, import('../scenarios/table.mjs').Route>,
 *   forward?: { hosts: Set<string>, handle: (req: http.IncomingMessage, res: http.ServerResponse) => void } }} [extra]
 * `routes` adds sites beyond the scenario table; `forward` hands every request for its hosts to another server.
 * @returns {Promise<{ port: number, hits: Map<string, number>, navigated: Map<string, number>,
 *   fetched: Map<string, number>, setWorld: (world?: Partial<import('./faults.mjs').World>) => void,
 *   setRoute: (host: string, route: import('../scenarios/table.mjs').Route) => void, close: () => Promise<void> }>}
 * `hits` counts requests per `host + path` so tests can tell whether the extension called a fake; `navigated` counts
 * the same for the documents tabs asked for, and `fetched` for the requests that are not a page or what it loads
 * (isPageLoad): the extension's own.
 * `setWorld` sets the scenario's faults (faults.mjs) and lets go of connections the last one left hanging.
 * `setRoute` changes what a site answers from the next request on (a site coming back).
 */
export async function startFakeServers(hosts, { routes: extraRoutes = {}, forward } = {}) {
  const routes = routeTable();
  for (const [host, route] of Object.entries(extraRoutes)) routes.set(host, route);
  /** @type {Map<string, number>} */
  const hits = new Map();
  /** @type {Map<string, number>} */
  const navigated = new Map();
  /** @type {Map<string, number>} */
  const fetched = new Map();
  let world = worldOf();
  /** @type {Set<net.Socket>} */
  const hung = new Set();
  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  const handler = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', 'http://x');
    const pathname = url.pathname;
    const key = host + pathname;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    if (isNavigation(req)) navigated.set(key, (navigated.get(key) ?? 0) + 1);
    else if (!isPageLoad(req)) fetched.set(key, (fetched.get(key) ?? 0) + 1);
    if (forward?.hosts.has(host)) return forward.handle(req, res);
    const fault = faultFor(world, host, req, HARNESS_HOSTS);
    if (fault === 'drop') return req.socket.destroy();
    if (fault === 'hang') {
      hung.add(req.socket);
      return req.socket.once('close', () => hung.delete(req.socket));
    }
    if (host === STATUS_HOST && pathname === '/api/v2/summary.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      // refuse and hang never get this far (faultFor), so the world names a summary.
      const summary = /** @type {import('./status-page.mjs').StatusPage} */ (world.status);
      return res.end(JSON.stringify(statusSummary(summary)));
    }
    const route = routes.get(host);
    // Only Cloudflare-fronted names answer /cdn-cgi/trace, as on the real web; the colo matches the page's cf-ray.
    const ray = route?.headers['cf-ray'] ?? (host === 'www.cloudflare.com' ? 'x-ICN' : null);
    const probe =
      pathname === '/cdn-cgi/trace' && !ray
        ? null
        : probeAnswer(host, pathname, ray?.split('-')[1], { doh: world.doh, name: url.searchParams.get('name') });
    if (probe) {
      res.writeHead(probe.status, probe.headers);
      return res.end(probe.body);
    }
    // Only the document itself is a scenario; subresources (favicon, css) get a quiet 404 that leaves the verdict alone.
    if (!route || /\.(ico|css|js|png)$/.test(pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not a scenario');
    }
    const answer = route.refetch && req.headers['sec-fetch-mode'] !== 'navigate' ? route.refetch : route;
    const body = render(answer.page, host, answer.vars, answer.headers['cf-ray']);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const plain = http.createServer(handler);
  const secure = https.createServer(makeSelfSignedCert(hosts), handler);
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // resets and hung-up clients are part of the scenarios
    // The whole first TLS record is needed to read the server name a refusing host is known by.
    let head = Buffer.alloc(0);
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      head = Buffer.concat([head, chunk]);
      if (tlsRecordShortfall(head) > 0) return;
      socket.off('data', collect);
      socket.pause();
      if (head[0] !== TLS_HANDSHAKE) {
        socket.unshift(head);
        plain.emit('connection', socket);
        return socket.resume();
      }
      if (refusesHandshake(world, serverNameOf(head))) return socket.resetAndDestroy();
      secure.emit('connection', replay(socket, head));
    };
    socket.on('data', collect);
  });
  await new Promise((resolve, reject) => front.once('error', reject).listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {net.AddressInfo} */ (front.address()).port;
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => front.close(() => resolve(undefined)));
  };
  /** @param {Partial<import('./faults.mjs').World>} [overrides] */
  const setWorld = (overrides = {}) => {
    world = worldOf(overrides);
    for (const s of hung) s.destroy();
  };
  /** @param {string} host @param {import('../scenarios/table.mjs').Route} route */
  const setRoute = (host, route) => void routes.set(host, route);
  return { port, hits, navigated, fetched, setWorld, setRoute, close };
}

/** A loopback port with nothing listening, for the "connection refused" scenario. */
export async function findClosedPort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(() => resolve(undefined)));
  return port;
}
