import { describe, expect, it } from 'vitest';
import { VENDORS } from '../detect/types.ts';
import { VENDOR_STATUS_ORIGINS, statusPageUrl, statusSourcesFor } from './vendors.ts';
import { hasKnownStatusPage, normaliseDomain, siteStatusPageUrl, siteStatusSource } from './site-status.ts';
import { cloudflareSummary } from '../../../tests/support/status/statuspage-payloads.ts';
import { metaFor } from '../../../tests/support/status/parse-helpers.ts';

describe('statusSourcesFor', () => {
  it('gives every vendor at least one source, on the real hosts by default', () => {
    for (const vendor of VENDORS) {
      const sources = statusSourcesFor(vendor);
      expect(sources.length, vendor).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source.subject).toBe(vendor);
        if (source.kind === 'http') expect(source.url, vendor).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      }
    }
  });

  it.each([
    ['cloudflare', 'https://www.cloudflarestatus.com/api/v2/summary.json'],
    ['cloudfront', 'https://health.aws.amazon.com/public/currentevents'],
    ['google', 'https://status.cloud.google.com/incidents.json'],
    ['azure', 'https://rssfeed.azure.status.microsoft/en-us/status/feed/'],
    ['fastly', 'https://www.fastlystatus.com/rss/'],
    ['vercel', 'https://www.vercel-status.com/api/v2/summary.json'],
    ['netlify', 'https://www.netlifystatus.com/api/v2/summary.json'],
    ['bunny', 'https://status.bunny.net/api/v2/summary.json'],
    ['akamai', 'https://www.akamaistatus.com/api/v2/summary.json'],
  ] as const)('%s → %s', (vendor, url) => {
    const [source] = statusSourcesFor(vendor);
    expect(source?.kind === 'http' && source.url).toBe(url);
  });

  it.each(['sucuri', 'imperva', 'ddos-guard'] as const)('%s has no public API: unavailable', (vendor) => {
    expect(statusSourcesFor(vendor)[0]).toMatchObject({ kind: 'unavailable', reason: 'no public status API' });
  });

  it('lets config point a source at a local fake', () => {
    const [source] = statusSourcesFor('vercel', { baseUrls: { vercel: 'http://127.0.0.1:8123/' } });
    expect(source?.kind === 'http' && source.url).toBe('http://127.0.0.1:8123/api/v2/summary.json');
  });

  it('wires each source to a parser that yields its vendor', () => {
    const [source] = statusSourcesFor('netlify');
    if (source?.kind !== 'http') throw new Error('expected http');
    const result = source.parse(JSON.stringify(cloudflareSummary()), metaFor(source.url));
    expect(result.state === 'ok' && result.status.vendor).toBe('netlify');
  });

  it('lists the origins needing host permissions', () => {
    expect(VENDOR_STATUS_ORIGINS).toContain('https://www.cloudflarestatus.com/*');
    expect(VENDOR_STATUS_ORIGINS).toContain('https://health.aws.amazon.com/*');
  });
});

describe('siteStatusSource', () => {
  it('uses the built-in page for known sites (summary.json)', () => {
    expect(siteStatusSource('GitHub.com.')).toMatchObject({
      kind: 'http',
      id: 'site:github.com',
      url: 'https://www.githubstatus.com/api/v2/summary.json',
    });
    expect(siteStatusSource('openai.com')).toMatchObject({ url: 'https://status.openai.com/api/v2/summary.json' });
    expect(siteStatusSource('claude.ai')).toMatchObject({ url: 'https://status.claude.com/api/v2/summary.json' });
    expect(hasKnownStatusPage('discord.com')).toBe(true);
  });

  it('discovers status.<domain>/api/v2/status.json otherwise, parsed as indicator only', () => {
    const source = siteStatusSource('example.org');
    if (source.kind !== 'http') throw new Error('expected http');
    expect(source.url).toBe('https://status.example.org/api/v2/status.json');
    const body = JSON.stringify({
      page: { name: 'Example', url: 'https://status.example.org' },
      status: { indicator: 'major' },
    });
    expect(source.parse(body, metaFor(source.url))).toMatchObject({
      state: 'ok',
      status: { vendor: 'site', coverage: 'indicator', indicator: 'major' },
    });
    expect(
      source.parse('<html>Welcome to our blog</html>', metaFor(source.url, { contentType: 'text/html' })).state,
    ).toBe('failed');
  });

  it('honours base URL overrides and refuses names that are not domains', () => {
    const source = siteStatusSource('example.org', { baseUrls: { 'site:example.org': 'http://127.0.0.1:9000' } });
    expect(source.kind === 'http' && source.url).toBe('http://127.0.0.1:9000/api/v2/status.json');
    for (const bad of ['localhost', 'a b.com', 'evil.com/x?', '', 'constructor', '__proto__.com']) {
      expect(normaliseDomain(bad), bad).toBeNull();
    }
    expect(siteStatusSource('evil.com/@x').kind).toBe('unavailable');
  });
});

describe('public status pages (linked from the popup)', () => {
  it('every vendor with a status source has a public https page, and never the API address', () => {
    for (const vendor of VENDORS) {
      const [source] = statusSourcesFor(vendor);
      const page = statusPageUrl(vendor);
      if (source?.kind !== 'http') expect(page, vendor).toBeNull();
      else {
        expect(page, vendor).toMatch(/^https:\/\/[a-z0-9.-]+\//);
        expect(page, vendor).not.toBe(source.url);
      }
    }
    expect(statusPageUrl('cloudflare')).toBe('https://www.cloudflarestatus.com/');
  });

  it("links a site's own page when built in, or when discovery found one, and never a guess", () => {
    expect(siteStatusPageUrl('github.com', false)).toBe('https://www.githubstatus.com/');
    expect(siteStatusPageUrl('shop.example', false)).toBeNull();
    expect(siteStatusPageUrl('shop.example', true)).toBe('https://status.shop.example/');
    expect(siteStatusPageUrl('not a domain', true)).toBeNull();
  });
});
