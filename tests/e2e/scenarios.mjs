// The e2e scenario table: one registrable domain per scenario, what the fake server answers for it, and what the
// extension must conclude. Both browsers run the same table. Colos differ per scenario so a value leaking from one
// tab into another shows up as a wrong colo.

/** Real-looking Cloudflare response headers for a Ray ID ending in the given colo. */
function cloudflare(rayHex, colo, extra = {}) {
  return {
    'content-type': 'text/html; charset=UTF-8',
    server: 'cloudflare',
    'cf-ray': `${rayHex}-${colo}`,
    'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
    expires: 'Thu, 01 Jan 1970 00:00:01 GMT',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'SAMEORIGIN',
    ...extra,
  };
}

const CHALLENGE_HEADERS = {
  'cf-mitigated': 'challenge',
  'cross-origin-embedder-policy': 'require-corp',
  'permissions-policy': 'accelerometer=(),camera=(),geolocation=(),gyroscope=(),magnetometer=(),microphone=(),payment=(),usb=()',
};

/**
 * `kind`..`status` are the tab state; `badge` is the final badge, which follows the verdict once it is in (a DNS
 * error that public DNS confirms is the site's fault: SITE, not NET); `culprit` is the popup's data-culprit.
 * Each scenario starts with an empty failure log (see scenario-suite), so verdicts do not depend on table order.
 * `egress: 'down'` makes the extension's outside probes fail; `preload` pages are opened first and left open.
 * @typedef {{ kind: string, vendor?: string | null, code?: number | null, colo?: string | null, unconfirmed?: boolean,
 *   category?: string, badge: string, status?: number | null, culprit?: string }} Expectation
 * @typedef {{ status: number, headers: Record<string, string>, page: string, vars?: Record<string, string> }} Route
 * @typedef {{ name: string, url: string, route?: Route, expect: Expectation, egress?: 'down',
 *   preload?: { url: string, route: Route }[] }} Scenario
 */

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: 'Cloudflare 522: the origin timed out',
    url: 'https://shop-522.test/checkout',
    route: { status: 522, headers: cloudflare('8a1b2c3d4e5f6789', 'ICN'), page: 'cf-522.html', vars: { city: 'Seoul' } },
    expect: { kind: 'origin-error', vendor: 'cloudflare', code: 522, colo: 'ICN', badge: 'SITE', status: 522, culprit: 'site' },
  },
  {
    name: 'Cloudflare-branded 500: the edge itself failed',
    url: 'https://news-500.test/',
    route: { status: 500, headers: cloudflare('8a1b2c3d4e5f0500', 'FRA'), page: 'cf-500-edge.html', vars: { city: 'Frankfurt' } },
    expect: { kind: 'edge-error', vendor: 'cloudflare', code: 500, colo: 'FRA', badge: 'CDN', status: 500, culprit: 'cdn' },
  },
  {
    name: 'Cloudflare 1020: a firewall rule blocks me',
    url: 'https://forum-1020.test/thread/42',
    route: { status: 403, headers: cloudflare('8a1b2c3d4e5f1020', 'LAX'), page: 'cf-1020.html' },
    expect: { kind: 'blocked', vendor: 'cloudflare', code: 1020, colo: 'LAX', badge: 'BLK', status: 403, culprit: 'blocked' },
  },
  {
    name: 'Cloudflare managed challenge',
    url: 'https://tickets-challenge.test/',
    route: { status: 403, headers: cloudflare('8a1b2c3d4e5fc0de', 'NRT', CHALLENGE_HEADERS), page: 'cf-challenge.html' },
    expect: { kind: 'challenge', vendor: 'cloudflare', colo: 'NRT', badge: 'BOT', status: 403, culprit: 'blocked' },
  },
  {
    name: 'challenge that fails later: "Please unblock challenges.cloudflare.com"',
    url: 'https://tickets-unblock.test/',
    route: { status: 403, headers: cloudflare('8a1b2c3d4e5fdead', 'AMS', CHALLENGE_HEADERS), page: 'cf-challenge-blocked.html' },
    // Alone, with Cloudflare's status fine and its trace answering, a challenge that cannot load is this browser's doing.
    expect: { kind: 'challenge-failed', vendor: 'cloudflare', colo: 'AMS', badge: 'BRW', status: 403, culprit: 'browser' },
  },
  {
    name: 'origin 503 passed through Cloudflare (plain origin page)',
    url: 'http://api-503.test/status',
    route: { status: 503, headers: cloudflare('8a1b2c3d4e5f0503', 'SIN', { 'content-type': 'text/html' }), page: 'origin-503.html' },
    expect: { kind: 'origin-error', vendor: 'cloudflare', code: 503, colo: 'SIN', badge: 'SITE', status: 503, culprit: 'site' },
  },
  {
    name: 'spoof: Cloudflare 522 markup, 200, no Cloudflare headers',
    url: 'http://spoof-522.test/',
    route: { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx/1.24.0' }, page: 'cf-522.html', vars: { city: 'Seoul' } },
    expect: { kind: 'origin-error', vendor: 'cloudflare', unconfirmed: true, badge: '?', status: 200 },
  },
  {
    name: 'normal 200 page behind Cloudflare with the beacon',
    url: 'https://garden-ok.test/sale',
    route: { status: 200, headers: cloudflare('8a1b2c3d4e5f0200', 'CDG', { 'cf-cache-status': 'DYNAMIC', vary: 'Accept-Encoding' }), page: 'cf-beacon-ok.html' },
    expect: { kind: 'none', badge: '', status: 200 },
  },
  {
    name: "the site's own 404",
    url: 'http://blog-404.test/no-such-post',
    route: { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8', server: 'Apache', 'x-powered-by': 'PHP/8.2.7' }, page: 'site-404.html' },
    expect: { kind: 'none', badge: '', status: 404 },
  },
  {
    name: 'unresolvable host',
    url: 'http://doesnotexist.invalid/',
    // Connectivity works and public DNS (the fake DoH) says NXDOMAIN too: the name is broken, not my network.
    expect: { kind: 'network-error', category: 'dns', badge: 'SITE', culprit: 'site' },
  },
  {
    name: 'connection refused',
    url: 'http://refused.test:{{closedPort}}/',
    expect: { kind: 'network-error', category: 'refused', badge: 'SITE', culprit: 'site' },
  },
  {
    name: 'my network is down: DNS fails and so does every outside probe',
    url: 'http://doesnotexist.invalid/offline',
    egress: 'down',
    expect: { kind: 'network-error', category: 'dns', badge: 'NET', culprit: 'network' },
  },
  {
    name: 'three unrelated Cloudflare sites failing in the same colo: a CDN incident',
    url: 'https://books-522.test/',
    preload: [
      { url: 'https://bakery-522.test/', route: { status: 522, headers: cloudflare('8a1b2c3d4e5fb001', 'ICN'), page: 'cf-522.html', vars: { city: 'Seoul' } } },
      { url: 'https://clinic-522.test/', route: { status: 522, headers: cloudflare('8a1b2c3d4e5fb002', 'ICN'), page: 'cf-522.html', vars: { city: 'Seoul' } } },
    ],
    route: { status: 522, headers: cloudflare('8a1b2c3d4e5fb003', 'ICN'), page: 'cf-522.html', vars: { city: 'Seoul' } },
    // First-hand the page blames the host (SITE); the verdict names Cloudflare, and the badge follows it.
    expect: { kind: 'origin-error', vendor: 'cloudflare', code: 522, colo: 'ICN', badge: 'CDN', status: 522, culprit: 'cdn' },
  },
];

/** Used to warm the extension up (MV3 listener race) before any assertion; same answer as the 522 scenario. */
export const WARMUP_URL = 'https://warmup.test/';
/** A plain page the Firefox driver uses to ask the extension (through the E2E bridge) to open its control tab. */
export const CONTROL_URL = 'http://control.test/';
/** Later issues fetch vendor status; the fake answers here so nothing leaves loopback. */
export const STATUS_HOST = 'www.cloudflarestatus.com';
/** Resolves to the fake server but the driver points its port at a closed one. */
export const REFUSED_HOST = 'refused.test';

/** Every host the fakes must answer for (the browsers map exactly these to loopback; `.invalid` stays unmapped). */
export function fakeHosts() {
  const fromTable = SCENARIOS.flatMap((s) => [s, ...(s.preload ?? [])]).map((s) => new URL(s.url.replace('{{closedPort}}', '1')).hostname);
  return [...new Set([...fromTable, 'warmup.test', 'control.test', STATUS_HOST])].filter((h) => !h.endsWith('.invalid'));
}
