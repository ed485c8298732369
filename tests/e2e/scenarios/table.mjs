// The e2e scenario table: one registrable domain per scenario, what the fake server answers for it, and what the
// extension must conclude. Both browsers run the same table. Colos differ per scenario so a value leaking from one
// tab into another shows up as a wrong colo. The rows here need no more than a calm outside world (or one that is
// simply down); the ones where status pages, public DNS or every remote source misbehave are in hostile-world.mjs.

import { CHALLENGE_HEADERS, cloudflare } from '../fakes/cf-headers.mjs';
import { DEFAULT_PROBE_CONFIG } from '../../../src/core/diagnose/probe-config.ts';
import { HOSTILE_WORLD_SCENARIOS } from './hostile-world.mjs';

/**
 * `kind`..`status` are the tab state; `badge` is the final badge, which follows the verdict once it is in (a DNS
 * error that public DNS confirms is the site's fault: SITE, not NET); `culprit` is the popup's data-culprit.
 * Each scenario starts with a fresh background and an empty failure log (see suite.mjs), so verdicts do not
 * depend on table order. `world` sets the fakes' faults for it (../fakes/faults.mjs: status page, egress, DoH, site
 * probes); `preload` pages are opened first, left open, and must reach `kind` first.
 * `verdict` is checked on the stored verdict and the popup: the decision-table `rule`, `acknowledged`, the open
 * `incident` title, `advice` keys it must include, and the state of named `sources`
 * (a hanging source must read `timeout`: that, not the wall time, proves the wait was bounded).
 * `unasked` hosts must receive no request at all from the navigation until the popup has been checked.
 * @typedef {{ kind: string, vendor?: string | null, code?: number | null, colo?: string | null, unconfirmed?: boolean,
 *   category?: string, badge: string, status?: number | null, culprit?: string }} Expectation
 * @typedef {{ rule: string, acknowledged?: string, incident?: string, advice?: string[],
 *   sources?: Record<string, 'ok' | 'failed' | 'timeout' | 'skipped'>}} VerdictExpectation
 * @typedef {{ status: number, headers: Record<string, string>, page: string, vars?: Record<string, string>,
 *   refetch?: Route }} Route `refetch`: what a hostile site answers to requests that are not a navigation (the
 *   extension's own re-fetch), which it can tell apart by their Sec-Fetch-Mode.
 * @typedef {{ name: string, url: string, route?: Route, expect: Expectation, verdict?: VerdictExpectation,
 *   world?: Partial<import('../fakes/faults.mjs').World>, preload?: { url: string, route: Route, kind: string }[],
 *   unasked?: string[] }} Scenario
 */

/**
 * The site the person's own content blocker refuses (../blocker/rules.json, loaded next to Culprit). A name with a
 * real public suffix, so a status.<site> lookup would be allowed for it if the block were taken for a failure.
 */
export const BLOCKED_SITE = 'example.org';

/** A normal page that nothing about its response marks as a possible failure. */
export const NORMAL_URL = 'https://plain-ok.test/';

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: 'Cloudflare 522 (the origin timed out) while Cloudflare is all operational',
    url: 'https://shop-522.test/checkout',
    route: {
      status: 522,
      headers: cloudflare('8a1b2c3d4e5f6789', 'ICN'),
      page: 'cf-522.html',
      vars: { city: 'Seoul' },
    },
    expect: {
      kind: 'origin-error',
      vendor: 'cloudflare',
      code: 522,
      colo: 'ICN',
      badge: 'SITE',
      status: 522,
      culprit: 'site',
    },
    verdict: { rule: 'site-origin', sources: { 'vendor-status': 'ok', 'trace-probe': 'ok', 'control-probe': 'ok' } },
  },
  {
    name: 'Cloudflare-branded 500: the edge itself failed',
    url: 'https://news-500.test/',
    route: {
      status: 500,
      headers: cloudflare('8a1b2c3d4e5f0500', 'FRA'),
      page: 'cf-500-edge.html',
      vars: { city: 'Frankfurt' },
    },
    expect: {
      kind: 'edge-error',
      vendor: 'cloudflare',
      code: 500,
      colo: 'FRA',
      badge: 'CDN',
      status: 500,
      culprit: 'cdn',
    },
    // Cloudflare's page says all is well: the error page alone decides, and the verdict says it is not acknowledged.
    verdict: { rule: 'cdn-edge-page', acknowledged: 'no' },
  },
  {
    name: 'Cloudflare 1020: a firewall rule blocks me',
    url: 'https://forum-1020.test/thread/42',
    route: { status: 403, headers: cloudflare('8a1b2c3d4e5f1020', 'LAX'), page: 'cf-1020.html' },
    expect: {
      kind: 'blocked',
      vendor: 'cloudflare',
      code: 1020,
      colo: 'LAX',
      badge: 'BLK',
      status: 403,
      culprit: 'blocked',
    },
    verdict: { rule: 'blocked' },
  },
  {
    name: 'Cloudflare managed challenge',
    url: 'https://tickets-challenge.test/',
    route: {
      status: 403,
      headers: cloudflare('8a1b2c3d4e5fc0de', 'NRT', CHALLENGE_HEADERS),
      page: 'cf-challenge.html',
    },
    expect: { kind: 'challenge', vendor: 'cloudflare', colo: 'NRT', badge: 'BOT', status: 403, culprit: 'blocked' },
    verdict: { rule: 'challenge' },
  },
  {
    name: '"Please unblock challenges.cloudflare.com", trace answers, challenge components operational',
    url: 'https://tickets-unblock.test/',
    route: {
      status: 403,
      headers: cloudflare('8a1b2c3d4e5fdead', 'AMS', CHALLENGE_HEADERS),
      page: 'cf-challenge-blocked.html',
    },
    // Alone, with Cloudflare's status fine and its trace answering, a challenge that cannot load is this browser's doing.
    expect: {
      kind: 'challenge-failed',
      vendor: 'cloudflare',
      colo: 'AMS',
      badge: 'BRW',
      status: 403,
      culprit: 'browser',
    },
    verdict: {
      rule: 'challenge-your-browser',
      advice: ['advice_allowChallenges'],
      sources: { 'vendor-status': 'ok', 'trace-probe': 'ok' },
    },
  },
  {
    name: "the origin's own 503 passed through Cloudflare (plain origin page)",
    url: 'http://api-503.test/status',
    route: {
      status: 503,
      headers: cloudflare('8a1b2c3d4e5f0503', 'SIN', { 'content-type': 'text/html' }),
      page: 'origin-503.html',
    },
    expect: {
      kind: 'origin-error',
      vendor: 'cloudflare',
      code: 503,
      colo: 'SIN',
      badge: 'SITE',
      status: 503,
      culprit: 'site',
    },
    verdict: { rule: 'site-origin' },
  },
  {
    name: 'spoof: Cloudflare 522 markup, 200, no Cloudflare headers',
    url: 'http://spoof-522.test/',
    route: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx/1.24.0' },
      page: 'cf-522.html',
      vars: { city: 'Seoul' },
    },
    expect: { kind: 'origin-error', vendor: 'cloudflare', unconfirmed: true, badge: '?', status: 200 },
  },
  {
    name: 'normal 200 page behind Cloudflare with the beacon',
    url: 'https://garden-ok.test/sale',
    route: {
      status: 200,
      headers: cloudflare('8a1b2c3d4e5f0200', 'CDG', { 'cf-cache-status': 'DYNAMIC', vary: 'Accept-Encoding' }),
      page: 'cf-beacon-ok.html',
    },
    expect: { kind: 'none', badge: '', status: 200 },
  },
  {
    name: 'normal 200 page with no CDN in front (the reader is not injected: suite.mjs checks)',
    url: NORMAL_URL,
    route: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx/1.24.0' },
      page: 'cf-beacon-ok.html',
    },
    expect: { kind: 'none', badge: '', status: 200 },
  },
  {
    name: "the site's own 404",
    url: 'http://blog-404.test/no-such-post',
    route: {
      status: 404,
      headers: { 'content-type': 'text/html; charset=UTF-8', server: 'Apache', 'x-powered-by': 'PHP/8.2.7' },
      page: 'site-404.html',
    },
    expect: { kind: 'none', badge: '', status: 404 },
  },
  {
    name: 'one host fails DNS while the controls answer, and public DNS cannot resolve it either',
    url: 'http://expired-domain.invalid/',
    // Connectivity works and public DNS (the fake DoH) says NXDOMAIN too: the name is broken, not my network.
    expect: { kind: 'network-error', category: 'dns', badge: 'SITE', culprit: 'site' },
    verdict: { rule: 'dns-site-broken', sources: { connectivity: 'ok', doh: 'ok' } },
  },
  {
    name: 'connection refused',
    url: 'http://refused.test:{{closedPort}}/',
    expect: { kind: 'network-error', category: 'refused', badge: 'SITE', culprit: 'site' },
    verdict: { rule: 'net-site-unreachable' },
  },
  {
    name: 'my network is down: DNS fails and every outside host drops the connection',
    url: 'http://offline.invalid/',
    world: { egress: 'down' },
    expect: { kind: 'network-error', category: 'dns', badge: 'NET', culprit: 'network' },
    verdict: { rule: 'net-offline' },
  },
  {
    // The other scenarios use .test names, which are not public, so only this one has a status page to ask.
    name: "Cloudflare 522 on a public name: the site's own status page is asked as well",
    url: 'https://example.net/orders',
    route: {
      status: 522,
      headers: cloudflare('8a1b2c3d4e5f0b0d', 'HKG'),
      page: 'cf-522.html',
      vars: { city: 'Hong Kong' },
    },
    expect: {
      kind: 'origin-error',
      vendor: 'cloudflare',
      code: 522,
      colo: 'HKG',
      badge: 'SITE',
      status: 522,
      culprit: 'site',
    },
    verdict: { rule: 'site-origin', sources: { 'site-status': 'skipped' } },
  },
  {
    name: 'my own content blocker refused the page: no failure, and nobody is asked about the site',
    url: `https://${BLOCKED_SITE}/ads/pixel`,
    // What the site would answer if the blocker let the page through: a failure, so a blocker that did not block
    // shows up as a wrong kind instead of passing.
    route: {
      status: 522,
      headers: cloudflare('8a1b2c3d4e5f0b0c', 'ICN'),
      page: 'cf-522.html',
      vars: { city: 'Seoul' },
    },
    expect: { kind: 'none', badge: '' },
    unasked: [
      BLOCKED_SITE,
      `status.${BLOCKED_SITE}`,
      ...DEFAULT_PROBE_CONFIG.connectivityUrls.map((u) => new URL(u).hostname),
    ],
  },
  ...HOSTILE_WORLD_SCENARIOS,
];

/** Used to warm the extension up (MV3 listener race) before any assertion; same answer as the 522 scenario. */
export const WARMUP_URL = 'https://warmup.test/';
/** A plain page the Firefox driver uses to ask the extension (through the E2E bridge) to open its control tab. */
export const CONTROL_URL = 'http://control.test/';
/** Where the extension asks for Cloudflare's status; the fake answers here so nothing leaves loopback. */
export const STATUS_HOST = 'www.cloudflarestatus.com';
/** Resolves to the fake server but the driver points its port at a closed one. */
export const REFUSED_HOST = 'refused.test';

/**
 * Every host the fakes must answer for (the browsers map exactly these to loopback; `.invalid` stays unmapped).
 * status.<site> is where the extension looks for a site's own status page: mapped too, so Firefox does not ask the
 * real resolver and a "hang" world can hang it.
 */
export function fakeHosts() {
  const fromTable = SCENARIOS.flatMap((s) => [s, ...(s.preload ?? [])]).map(
    (s) => new URL(s.url.replace('{{closedPort}}', '1')).hostname,
  );
  const sites = [...fromTable, new URL(WARMUP_URL).hostname].filter((h) => h !== REFUSED_HOST);
  return [
    ...new Set([...fromTable, ...sites.map((h) => `status.${h}`), 'warmup.test', 'control.test', STATUS_HOST]),
  ].filter((h) => !h.endsWith('.invalid'));
}
