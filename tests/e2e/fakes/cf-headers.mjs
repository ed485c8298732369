// Response headers of Cloudflare-fronted fakes, shared by the scenario tables.

/**
 * Real-looking Cloudflare response headers for a Ray ID ending in the given colo.
 * @param {string} rayHex @param {string} colo @param {Record<string, string>} [extra]
 * @returns {Record<string, string>}
 */
export function cloudflare(rayHex, colo, extra = {}) {
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

/** What Cloudflare adds to a managed challenge (cf-mitigated is the documented marker). */
export const CHALLENGE_HEADERS = {
  'cf-mitigated': 'challenge',
  'cross-origin-embedder-policy': 'require-corp',
  'permissions-policy':
    'accelerometer=(),camera=(),geolocation=(),gyroscope=(),magnetometer=(),microphone=(),payment=(),usb=()',
};

/**
 * A Cloudflare-branded 500 with the Cloudflare box marked (cf-500-edge.html), answered by `colo` in `city`.
 * @param {string} rayHex @param {string} colo @param {string} city
 * @returns {import('../scenarios/table.mjs').Route}
 */
export const edge500 = (rayHex, colo, city) => ({
  status: 500,
  headers: cloudflare(rayHex, colo),
  page: 'cf-500-edge.html',
  vars: { city },
});
