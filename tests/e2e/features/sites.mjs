// The sites the feature suite (notifications, watch, history, options, peers) opens, one registrable domain per use
// so the 30-minute notification dedupe and the incident log of one test cannot leak into another.
// Peer reports only cover public sites (src/core/peer/client.ts publicSiteOf), so the peer sites sit under the
// IANA-reserved example.com / example.net: real public suffixes, nobody's site, and mapped to loopback like the rest.
import { CHALLENGE_HEADERS, cloudflare, edge500 } from '../fakes/cf-headers.mjs';
import { PEER_HOST } from '../fakes/peer-service.mjs';

/** @import { Route } from '../scenarios/table.mjs' */

/**
 * A Cloudflare 522 (origin timed out): the extension's own re-fetch gets the same 522, which corroborates it.
 * @param {string} rayHex @param {string} colo @returns {Route}
 */
const cf522 = (rayHex, colo) => ({
  status: 522,
  headers: cloudflare(rayHex, colo),
  page: 'cf-522.html',
  vars: { city: colo },
});
/** The same site, back: a plain 200 behind Cloudflare. @param {string} rayHex @param {string} colo @returns {Route} */
export const cfOk = (rayHex, colo) => ({ status: 200, headers: cloudflare(rayHex, colo), page: 'cf-beacon-ok.html' });

/**
 * A site of the feature suite; `site` is its registrable domain where the peer tests need it.
 * @typedef {{ url: string, route: Route, site?: string }} FeatureSite
 */

export const SITES = {
  notify: { url: 'https://notify-522.test/cart', route: cf522('7a000000000a0001', 'ICN') },
  held: { url: 'https://held-522.test/', route: cf522('7a000000000a0002', 'NRT') },
  challenge: {
    url: 'https://notify-challenge.test/',
    route: {
      status: 403,
      headers: cloudflare('7a000000000a0003', 'NRT', CHALLENGE_HEADERS),
      page: 'cf-challenge.html',
    },
  },
  spoof: {
    url: 'http://notify-spoof.test/',
    route: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx' },
      page: 'cf-522.html',
      vars: { city: 'Seoul' },
    },
  },
  dedupe: { url: 'https://dedupe-522.test/a', route: cf522('7a000000000a0004', 'FRA') },
  watch: { url: 'https://watch-522.test/orders', route: cf522('7a000000000a0005', 'SIN') },
  history: { url: 'https://history-522.test/report', route: cf522('7a000000000a0006', 'CDG') },
  modeOff: { url: 'https://mode-off-522.test/', route: cf522('7a000000000a0007', 'AMS') },
  modeCdn: { url: 'https://mode-cdn-522.test/', route: cf522('7a000000000a0008', 'LAX') },
  korean: { url: 'https://korean-522.test/', route: cf522('7a000000000a0009', 'ICN') },
  click: { url: 'https://click-522.test/item', route: cf522('7a000000000a000c', 'ICN') },
  button: { url: 'https://button-522.test/', route: cf522('7a000000000a000d', 'NRT') },
  ray: { url: 'https://ray-522.test/', route: cf522('7a000000000a000e', 'SIN') },
  // Served without no-store, so the browsers may keep it in the back/forward cache (no-store pages are not kept).
  bfcacheOk: {
    url: 'https://bfcache-ok.test/',
    route: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=0' },
      page: 'cf-beacon-ok.html',
    },
  },
  bfcache522: { url: 'https://bfcache-522.test/', route: cf522('7a000000000a000f', 'ICN') },
  peerOn: { url: 'https://shop.example.com/checkout', site: 'example.com', route: cf522('7a000000000a000a', 'ICN') },
  peerOff: { url: 'https://shop.example.net/checkout', site: 'example.net', route: cf522('7a000000000a000b', 'FRA') },
  // Cloudflare's branded 500 at ICN, which our own re-fetch gets too: the page the CDN radar tests read (radar.mjs).
  radar500: { url: 'https://radar-500.test/', route: edge500('7a000000000a0012', 'ICN', 'Seoul') },
};
/**
 * Hostile hosts forging Cloudflare's branded 500 and headers (forged-cdn.mjs). `pagesDev`: three names under the
 * private suffix pages.dev, answering 200. `refetchFine`: three registered names answering 500 to the person's
 * navigation and 200 to the extension's re-fetch. `genuine`: an unrelated shop's real 522, visited after them.
 */
export const FORGED = {
  pagesDev: ['a', 'b', 'c'].map((name, i) => ({
    url: `https://forged-${name}.pages.dev/`,
    route: { ...edge500(`7b00000000000${i}01`, 'ICN', 'Seoul'), status: 200 },
  })),
  refetchFine: ['one', 'two', 'three'].map((name, i) => ({
    url: `https://forged-${name}.test/`,
    route: { ...edge500(`7b00000000000${i}02`, 'ICN', 'Seoul'), refetch: cfOk(`7b00000000000${i}03`, 'ICN') },
  })),
  genuine: { url: 'https://genuine-shop-522.test/cart', route: cf522('7b0000000000a001', 'ICN') },
  /** A failing page whose `Refresh` header sends the browser on to the next, through three domains. */
  chain: ['one', 'two', 'three'].map((name, i, all) => {
    const route = edge500(`7b00000000000${i}04`, 'ICN', 'Seoul');
    const next = all[i + 1];
    const refresh = next ? { refresh: `1;url=https://chain-${next}.test/` } : {};
    return { url: `https://chain-${name}.test/`, route: { ...route, headers: { ...route.headers, ...refresh } } };
  }),
  /** An unrelated Cloudflare 500 the re-fetch confirms, visited after the chain. */
  afterChain: { url: 'https://after-chain-500.test/', route: edge500('7b0000000000a005', 'ICN', 'Seoul') },
};

/**
 * One registrable domain failing under many host names, as someone who owns it can make it: the first name is a lure
 * that must never reach a notification's title.
 */
export const FAMILY_DOMAIN = 'family-522.test';
/** @type {FeatureSite[]} */
export const FAMILY_SITES = [
  `0-your-account-is-locked-call-0800-555-0199.${FAMILY_DOMAIN}`,
  ...Array.from({ length: 9 }, (_, i) => `s${i + 1}.login.${FAMILY_DOMAIN}`),
].map((host) => ({ url: `https://${host}/`, site: FAMILY_DOMAIN, route: cf522('7a000000000a0010', 'ICN') }));
/** The person's own earlier failure, which the family must not push out of the history. */
export const FAMILY_EARLIER = { url: 'https://family-earlier-522.test/', route: cf522('7a000000000a0011', 'ICN') };
/** Distinct sites failing within minutes, more than the overall notification cap lets through. */
export const CAP_SITES = ['a', 'b', 'c', 'd', 'e'].map((letter, i) => ({
  url: `https://cap-${letter}-522.test/`,
  route: cf522(`7a000000000a002${i}`, 'NRT'),
}));

/** @type {FeatureSite[]} */
const ALL_SITES = [
  ...Object.values(SITES),
  ...FORGED.pagesDev,
  ...FORGED.refetchFine,
  FORGED.genuine,
  ...FORGED.chain,
  FORGED.afterChain,
  ...FAMILY_SITES,
  FAMILY_EARLIER,
  ...CAP_SITES,
];

/** Where the popup asks for an archived copy (src/core/archive/wayback.ts), answered by the fakes' 404. */
export const ARCHIVE_HOST = 'archive.org';

/** @param {string} url */
const hostOf = (url) => new URL(url).hostname;

/** host → route for startFakeServers. */
export const featureRoutes = () => Object.fromEntries(ALL_SITES.map((s) => [hostOf(s.url), s.route]));

/** Every name the feature suite adds to the browsers' mapping: the sites, their status.<domain>, the service, archive.org. */
export function featureHosts() {
  const sites = ALL_SITES.map((s) => hostOf(s.url));
  const domains = ALL_SITES.map((s) => s.site ?? hostOf(s.url));
  return [...new Set([...sites, ...domains.map((d) => `status.${d}`), PEER_HOST, ARCHIVE_HOST])];
}
