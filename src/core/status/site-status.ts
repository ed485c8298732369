/**
 * The failing site's own status page: a small built-in map of sites whose pages we know (all answer the
 * Statuspage v2 summary, including incident.io's status.openai.com), and otherwise discovery of
 * `https://status.<registrable domain>/api/v2/status.json`, which only counts if it parses as Statuspage.
 */
import { parseStatuspageSummary } from './statuspage.ts';
import { parseStatuspageStatus } from './statuspage-status.ts';
import type { SourceResult, StatusSource } from './types.ts';
import { JSON_ACCEPT, joinUrl, type StatusConfig } from './vendors.ts';

/** Registrable domain → status page base URL. Only pages known to serve `/api/v2/summary.json`. */
const KNOWN_SITE_PAGES: Readonly<Record<string, string>> = {
  'openai.com': 'https://status.openai.com',
  'chatgpt.com': 'https://status.openai.com',
  'anthropic.com': 'https://status.claude.com',
  'claude.ai': 'https://status.claude.com',
  'claude.com': 'https://status.claude.com',
  'discord.com': 'https://discordstatus.com',
  'discord.gg': 'https://discordstatus.com',
  'discordapp.com': 'https://discordstatus.com',
  'github.com': 'https://www.githubstatus.com',
  'reddit.com': 'https://www.redditstatus.com',
  'npmjs.com': 'https://status.npmjs.org',
  'digitalocean.com': 'https://status.digitalocean.com',
  'dropbox.com': 'https://status.dropbox.com',
  'cloudflare.com': 'https://www.cloudflarestatus.com',
  'vercel.com': 'https://www.vercel-status.com',
  'netlify.com': 'https://www.netlifystatus.com',
  'fly.io': 'https://status.flyio.net',
  'fly.dev': 'https://status.flyio.net',
};

/** A plain DNS name of at least two labels; anything else is not used to build a URL. */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Normalise a registrable domain (lower case, no trailing dot), or null when it is not a DNS name. */
export function normaliseDomain(domain: string): string | null {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  return DOMAIN.test(d) ? d : null;
}

/**
 * Status source for a site, given its registrable domain (eTLD+1, e.g. `github.com`, not `gist.github.com`).
 * @example siteStatusSource('github.com').url // 'https://www.githubstatus.com/api/v2/summary.json'
 * @example siteStatusSource('example.org').url // 'https://status.example.org/api/v2/status.json'
 */
export function siteStatusSource(registrableDomain: string, config: StatusConfig = {}): StatusSource {
  const domain = normaliseDomain(registrableDomain);
  if (domain === null) {
    return {
      kind: 'unavailable',
      id: 'site:invalid',
      subject: 'site',
      name: 'site status',
      reason: 'not a valid domain',
    };
  }
  const id = `site:${domain}`;
  const known = Object.hasOwn(KNOWN_SITE_PAGES, domain) ? KNOWN_SITE_PAGES[domain] : undefined;
  const override = config.baseUrls?.[id];
  if (known !== undefined) {
    return {
      kind: 'http',
      id,
      subject: 'site',
      name: `${domain} status`,
      url: joinUrl(override ?? known, '/api/v2/summary.json'),
      accept: JSON_ACCEPT,
      parse: (body, meta) => parseStatuspageSummary(body, meta, { vendor: 'site' }),
    };
  }
  return {
    kind: 'http',
    id,
    subject: 'site',
    name: `status.${domain}`,
    url: joinUrl(override ?? `https://status.${domain}`, '/api/v2/status.json'),
    accept: JSON_ACCEPT,
    parse: (body, meta) => parseStatuspageStatus(body, meta, 'site'),
  };
}

/** True when the built-in map knows this site's status page. */
export function hasKnownStatusPage(registrableDomain: string): boolean {
  const domain = normaliseDomain(registrableDomain);
  return domain !== null && Object.hasOwn(KNOWN_SITE_PAGES, domain);
}

/**
 * The site's own status page for people: the built-in one, or `status.<domain>` once discovery found a Statuspage
 * there (`discovered`); null otherwise, so the popup never links a guess.
 * @example siteStatusPageUrl('github.com', false) // 'https://www.githubstatus.com/'
 */
export function siteStatusPageUrl(registrableDomain: string, discovered: boolean): string | null {
  const domain = normaliseDomain(registrableDomain);
  if (domain === null) return null;
  if (Object.hasOwn(KNOWN_SITE_PAGES, domain)) return `${KNOWN_SITE_PAGES[domain]}/`;
  return discovered ? `https://status.${domain}/` : null;
}

/**
 * The site's status through `get`, with discovery's meaning applied: for a site we do not know, a `status.<domain>`
 * that does not exist, refuses, or answers something other than a status file means "this site has no status page"
 * (`skipped`), not a failed source. A known page that fails is a real failure.
 * @example
 * await fetchSiteStatus(statuses.get, 'example.org')
 * // { state: 'skipped', reason: 'no status page at status.example.org', ms }
 */
export async function fetchSiteStatus(
  get: (source: StatusSource) => Promise<SourceResult>,
  registrableDomain: string,
  config: StatusConfig = {},
): Promise<SourceResult> {
  const result = await get(siteStatusSource(registrableDomain, config));
  if (result.state === 'ok' || result.state === 'skipped' || hasKnownStatusPage(registrableDomain)) return result;
  return {
    state: 'skipped',
    reason: `no status page at status.${registrableDomain} (${result.reason})`,
    ms: result.ms,
  };
}
