// The sites the settled-verdict suite opens (settled-verdict.mjs), one registrable domain each, so the notification
// dedupe and the failure log of one test cannot leak into another.
import { CHALLENGE_HEADERS, cloudflare, edge500 } from '../fakes/cf-headers.mjs';

/** @import { Route } from '../scenarios/table.mjs' */

/**
 * 18 Nov 2025: three unrelated sites behind Cloudflare answer its branded 500 page (the Cloudflare box marked), one
 * after another. One sequence while the status page still says "operational" (FRA), one while it is unreachable
 * (AMS): the colos differ so the second sequence's incident is not the first's in the notification dedupe.
 * @type {Record<'operational' | 'unreachable', Array<{ url: string, route: Route }>>}
 */
export const NOV18 = {
  operational: [
    { url: 'https://chat-500.test/c/1', route: edge500('7b00000000000001', 'FRA', 'Frankfurt') },
    { url: 'https://social-500.test/home', route: edge500('7b00000000000002', 'FRA', 'Frankfurt') },
    { url: 'https://delivery-500.test/', route: edge500('7b00000000000003', 'FRA', 'Frankfurt') },
  ],
  unreachable: [
    { url: 'https://chat-500u.test/c/1', route: edge500('7b00000000000011', 'AMS', 'Amsterdam') },
    { url: 'https://social-500u.test/home', route: edge500('7b00000000000012', 'AMS', 'Amsterdam') },
    { url: 'https://delivery-500u.test/', route: edge500('7b00000000000013', 'AMS', 'Amsterdam') },
  ],
};

/**
 * "Please unblock challenges.cloudflare.com": its header events are held by the E2E build until the page reported
 * the failed challenge, as Firefox sometimes delivers them. Cloudflare's trace answers on it (the fakes answer
 * /cdn-cgi/trace for every Cloudflare-fronted host) and the status page is operational.
 */
export const UNBLOCK_LATE = {
  url: 'https://unblock-late.test/',
  /** @type {Route} */
  route: {
    status: 403,
    headers: cloudflare('7b000000000000a1', 'AMS', CHALLENGE_HEADERS),
    page: 'cf-challenge-blocked.html',
  },
};

/**
 * A site with no CDN in front, behind nginx: its app server fails with 502, then 503, then comes back. Plain pages and
 * headers, no CDN's marks. @param {number} status @param {string} reason @returns {Route}
 */
const nginx = (status, reason) => ({
  status,
  headers: { 'content-type': 'text/html', server: 'nginx/1.25.3' },
  page: 'nginx-error.html',
  vars: { code: String(status), reason },
});
export const PLAIN_5XX = {
  url: 'https://plain-5xx.test/account',
  steps: {
    502: nginx(502, 'Bad Gateway'),
    503: nginx(503, 'Service Temporarily Unavailable'),
    /** @type {Route} */
    200: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx/1.25.3' },
      page: 'site-ok.html',
    },
  },
};

const ALL = [
  ...NOV18.operational,
  ...NOV18.unreachable,
  UNBLOCK_LATE,
  { url: PLAIN_5XX.url, route: PLAIN_5XX.steps[502] },
];
/** @param {string} url */
const hostOf = (url) => new URL(url).hostname;

/** host → route for startFakeServers. */
export const settledRoutes = () => Object.fromEntries(ALL.map((s) => [hostOf(s.url), s.route]));

/** The sites and their status.<domain>, which the extension asks for a site's own status page. */
export const settledHosts = () => ALL.flatMap((s) => [hostOf(s.url), `status.${hostOf(s.url)}`]);
