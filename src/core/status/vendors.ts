/**
 * Which status source answers for which vendor. Base URLs default to the vendors' real hosts and can be
 * overridden per source id (tests and e2e point them at local fakes).
 */
import type { Vendor } from '../detect/types.ts';
import { parseAwsCurrentEvents } from './aws.ts';
import { parseAzureStatusFeed } from './azure.ts';
import { parseCloudflareSummary } from './cloudflare.ts';
import { parseFastlyStatusFeed } from './fastly.ts';
import { GCP_MAX_BYTES, parseGcpIncidents } from './gcp.ts';
import { parseStatuspageSummary } from './statuspage.ts';
import type { StatusParser, StatusSource } from './types.ts';

/** Overrides for source base URLs, keyed by source id (`cloudflare`, `aws-health`, `site:github.com` ...). */
export interface StatusConfig {
  baseUrls?: Readonly<Record<string, string>>;
}

export const JSON_ACCEPT = 'application/json';
const RSS_ACCEPT = 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8';

interface HttpPlan {
  id: string;
  name: string;
  base: string;
  path: string;
  accept: string;
  parse: StatusParser;
  maxBytes?: number;
  /** The public page a person reads (not the API), linked from the popup. */
  page: string;
}

const statuspage =
  (vendor: Vendor): StatusParser =>
  (body, meta) =>
    parseStatuspageSummary(body, meta, { vendor });

const SUMMARY = '/api/v2/summary.json';

/**
 * Akamai: www.akamaistatus.com is an Atlassian Statuspage
 * (page id tmd0zfspxwvp) per several public monitors in 2026; unverified from here. If it moves, the
 * fetcher's redirect/HTML checks turn it into `failed`, which still reads as "unknown".
 */
const PLANS: Readonly<Record<Vendor, HttpPlan | { unavailable: string; name: string }>> = {
  cloudflare: {
    id: 'cloudflare',
    name: 'Cloudflare status',
    base: 'https://www.cloudflarestatus.com',
    path: SUMMARY,
    accept: JSON_ACCEPT,
    parse: parseCloudflareSummary,
    page: 'https://www.cloudflarestatus.com/',
  },
  cloudfront: {
    id: 'aws-health',
    name: 'AWS Health Dashboard',
    base: 'https://health.aws.amazon.com',
    path: '/public/currentevents',
    accept: JSON_ACCEPT,
    parse: parseAwsCurrentEvents,
    page: 'https://health.aws.amazon.com/health/status',
  },
  akamai: {
    id: 'akamai',
    name: 'Akamai status',
    base: 'https://www.akamaistatus.com',
    path: SUMMARY,
    accept: JSON_ACCEPT,
    parse: statuspage('akamai'),
    page: 'https://www.akamaistatus.com/',
  },
  fastly: {
    id: 'fastly',
    name: 'Fastly status',
    base: 'https://www.fastlystatus.com',
    path: '/rss/',
    accept: RSS_ACCEPT,
    parse: parseFastlyStatusFeed,
    page: 'https://www.fastlystatus.com/',
  },
  azure: {
    id: 'azure',
    name: 'Azure status',
    base: 'https://rssfeed.azure.status.microsoft',
    path: '/en-us/status/feed/',
    accept: RSS_ACCEPT,
    parse: parseAzureStatusFeed,
    page: 'https://azure.status.microsoft/en-us/status',
  },
  google: {
    id: 'gcp',
    name: 'Google Cloud Service Health',
    base: 'https://status.cloud.google.com',
    path: '/incidents.json',
    accept: JSON_ACCEPT,
    parse: parseGcpIncidents,
    maxBytes: GCP_MAX_BYTES,
    page: 'https://status.cloud.google.com/',
  },
  vercel: {
    id: 'vercel',
    name: 'Vercel status',
    base: 'https://www.vercel-status.com',
    path: SUMMARY,
    accept: JSON_ACCEPT,
    parse: statuspage('vercel'),
    page: 'https://www.vercel-status.com/',
  },
  netlify: {
    id: 'netlify',
    name: 'Netlify status',
    base: 'https://www.netlifystatus.com',
    path: SUMMARY,
    accept: JSON_ACCEPT,
    parse: statuspage('netlify'),
    page: 'https://www.netlifystatus.com/',
  },
  bunny: {
    id: 'bunny',
    name: 'bunny.net status',
    base: 'https://status.bunny.net',
    path: SUMMARY,
    accept: JSON_ACCEPT,
    parse: statuspage('bunny'),
    page: 'https://status.bunny.net/',
  },
  sucuri: { name: 'Sucuri', unavailable: 'no public status API' },
  imperva: { name: 'Imperva', unavailable: 'no public status API' },
  'ddos-guard': { name: 'DDoS-Guard', unavailable: 'no public status API' },
};

/**
 * The vendor's public status page for people (the API is for the fetcher), or null when it has none we know.
 * @example statusPageUrl('cloudflare') // 'https://www.cloudflarestatus.com/'
 */
export function statusPageUrl(vendor: Vendor): string | null {
  const plan = PLANS[vendor];
  return 'page' in plan ? plan.page : null;
}

/** Join a base URL (no trailing slash needed) and a path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/**
 * The status source(s) for a vendor, with base URLs from `config` where given.
 * @example statusSourcesFor('cloudflare')[0].url // 'https://www.cloudflarestatus.com/api/v2/summary.json'
 */
export function statusSourcesFor(vendor: Vendor, config: StatusConfig = {}): StatusSource[] {
  const plan = PLANS[vendor];
  if ('unavailable' in plan) {
    return [{ kind: 'unavailable', id: vendor, subject: vendor, name: plan.name, reason: plan.unavailable }];
  }
  const base = config.baseUrls?.[plan.id] ?? plan.base;
  return [
    {
      kind: 'http',
      id: plan.id,
      subject: vendor,
      name: plan.name,
      url: joinUrl(base, plan.path),
      accept: plan.accept,
      parse: plan.parse,
      ...(plan.maxBytes !== undefined ? { maxBytes: plan.maxBytes } : {}),
    },
  ];
}

/** Origins the extension needs host permissions for to reach the vendor sources (site pages vary). */
export const VENDOR_STATUS_ORIGINS: readonly string[] = Object.values(PLANS).flatMap((plan) =>
  'base' in plan ? [`${plan.base}/*`] : [],
);
