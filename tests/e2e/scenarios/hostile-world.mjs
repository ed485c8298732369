// Verdict scenarios in a hostile outside world: the status page in an incident, refusing connections or hanging;
// public DNS resolving what the local resolver cannot; every remote source hanging. Each row sets the fakes' `world`
// (fake faults, ../fakes/faults.mjs); the rows a calm world decides are in table.mjs.
import { CHALLENGE_HEADERS, cloudflare, edge500 } from '../fakes/cf-headers.mjs';
import { ICN_INCIDENT_TITLE } from '../fakes/status-page.mjs';

/** @type {Partial<import('../fakes/faults.mjs').World>} */
const EVERYTHING_HANGS = { status: 'hang', egress: 'hang', site: 'hang' };

/** @type {import('./table.mjs').Scenario[]} */
export const HOSTILE_WORLD_SCENARIOS = [
  {
    name: 'Cloudflare-branded 500 while the status page has an incident on my colo (ICN)',
    url: 'https://webtoon-500.test/episode/7',
    world: { status: 'colo-incident' },
    route: edge500('8a1b2c3d4e5f2002', 'ICN', 'Seoul'),
    expect: {
      kind: 'edge-error',
      vendor: 'cloudflare',
      code: 500,
      colo: 'ICN',
      badge: 'CDN',
      status: 500,
      culprit: 'cdn',
    },
    verdict: {
      rule: 'cdn-colo-incident',
      acknowledged: 'yes',
      incident: ICN_INCIDENT_TITLE,
      sources: { 'vendor-status': 'ok' },
    },
  },
  {
    name: '18 Nov replay: status page refuses connections, three unrelated Cloudflare sites give branded 500s',
    url: 'https://chatbot-500.test/',
    world: { status: 'refuse' },
    preload: [
      {
        url: 'https://social-500.test/home',
        route: edge500('8a1b2c3d4e5f3001', 'FRA', 'Frankfurt'),
        kind: 'edge-error',
      },
      {
        url: 'https://payments-500.test/checkout',
        route: edge500('8a1b2c3d4e5f3002', 'LAX', 'Los Angeles'),
        kind: 'edge-error',
      },
    ],
    route: edge500('8a1b2c3d4e5f3003', 'AMS', 'Amsterdam'),
    expect: {
      kind: 'edge-error',
      vendor: 'cloudflare',
      code: 500,
      colo: 'AMS',
      badge: 'CDN',
      status: 500,
      culprit: 'cdn',
    },
    verdict: {
      rule: 'cdn-correlated',
      acknowledged: 'unreachable',
      sources: { 'vendor-status': 'failed', correlation: 'ok' },
    },
  },
  {
    name: '"Please unblock challenges.cloudflare.com" while Turnstile and Challenge Platform are down',
    url: 'https://concert-turnstile.test/',
    world: { status: 'challenge-outage' },
    route: {
      status: 403,
      headers: cloudflare('8a1b2c3d4e5f5005', 'NRT', CHALLENGE_HEADERS),
      page: 'cf-challenge-blocked.html',
    },
    // The first-hand BOT! gives way to the verdict: the CDN's challenge service, not this browser.
    expect: { kind: 'challenge-failed', vendor: 'cloudflare', colo: 'NRT', badge: 'CDN', status: 403, culprit: 'cdn' },
    verdict: { rule: 'challenge-cdn-down', acknowledged: 'yes', sources: { 'vendor-status': 'ok' } },
  },
  {
    name: 'the local resolver fails a name that public DNS resolves',
    url: 'http://filtered-by-resolver.invalid/',
    world: { doh: 'resolves' },
    expect: { kind: 'network-error', category: 'dns', badge: 'NET', culprit: 'network' },
    verdict: { rule: 'dns-your-resolver', advice: ['advice_changeDns'], sources: { connectivity: 'ok', doh: 'ok' } },
  },
  {
    // status.<site> hangs too; the extension reads an unanswered status.<site> of an unknown site as "no status
    // page" (skipped, src/core/status/site-status.ts fetchSiteStatus), so it is not asserted.
    name: 'every remote source hangs behind a Cloudflare 522 (status, re-fetch, trace, control)',
    url: 'https://everything-hangs.test/',
    world: EVERYTHING_HANGS,
    route: {
      status: 522,
      headers: cloudflare('8a1b2c3d4e5f1010', 'SIN'),
      page: 'cf-522.html',
      vars: { city: 'Singapore' },
    },
    expect: {
      kind: 'origin-error',
      vendor: 'cloudflare',
      code: 522,
      colo: 'SIN',
      badge: 'SITE',
      status: 522,
      culprit: 'site',
    },
    verdict: {
      rule: 'site-origin',
      sources: {
        'vendor-status': 'timeout',
        'origin-probe': 'timeout',
        'trace-probe': 'timeout',
        'control-probe': 'timeout',
      },
    },
  },
  {
    // The page report (the Cloudflare box marked) turns the header-only reading into edge-error, so the diagnosis
    // runs twice and the second run shares the first one's status request.
    name: 'every remote source hangs behind a Cloudflare-branded 500 (the diagnosis re-runs on the page report)',
    url: 'https://everything-hangs-500.test/',
    world: EVERYTHING_HANGS,
    route: edge500('8a1b2c3d4e5f1011', 'SIN', 'Singapore'),
    expect: {
      kind: 'edge-error',
      vendor: 'cloudflare',
      code: 500,
      colo: 'SIN',
      badge: 'CDN',
      status: 500,
      culprit: 'cdn',
    },
    verdict: {
      rule: 'cdn-edge-page',
      acknowledged: 'unreachable',
      sources: {
        'vendor-status': 'timeout',
        'origin-probe': 'timeout',
        'trace-probe': 'timeout',
        'control-probe': 'timeout',
      },
    },
  },
  {
    name: 'every remote source hangs after a DNS error (connectivity checks, public DNS)',
    url: 'http://hangs-dns.invalid/',
    world: EVERYTHING_HANGS,
    // README: net-offline is "the page never arrived and no connectivity check answers"; a hang is no answer.
    expect: { kind: 'network-error', category: 'dns', badge: 'NET', culprit: 'network' },
    verdict: { rule: 'net-offline', sources: { connectivity: 'timeout', doh: 'timeout' } },
  },
];
