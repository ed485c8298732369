/**
 * One ≥10 MB input per parser family: each must be rejected (size cap) or parsed without blowing up. The fetcher
 * caps bodies before parsing anyway; this guards parsers called directly. A quadratic scan of 10 MB would run for
 * hours and hit the test timeout; the parse times themselves are measured by benchmarks, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { parseAwsCurrentEvents } from './aws.ts';
import { parseAzureStatusFeed } from './azure.ts';
import { parseCloudflareSummary } from './cloudflare.ts';
import { parseFastlyStatusFeed } from './fastly.ts';
import { GCP_MAX_BYTES, parseGcpIncidents } from './gcp.ts';
import { scanRssItems } from './rss-scan.ts';
import { parseStatuspageSummary } from './statuspage.ts';
import { rss } from '../../../tests/support/status/rss-feeds.ts';
import { metaFor, utf16Bytes } from '../../../tests/support/status/parse-helpers.ts';
import { cloudflareSummary, component } from '../../../tests/support/status/statuspage-payloads.ts';

const TEN_MB = 10 * 1024 * 1024;
const META = metaFor('https://status.test/x');

function failedReason(result: { state: string; reason?: string }): string {
  expect(result.state).toBe('failed');
  return result.reason ?? '';
}

describe('≥10 MB inputs', () => {
  it('Statuspage/Cloudflare: a 10 MB summary is refused as too large, as bytes and as a string', () => {
    const huge = JSON.stringify(
      cloudflareSummary({ components: [component('a', 'x'.repeat(TEN_MB), 'operational', null)] }),
    );
    expect(huge.length).toBeGreaterThan(TEN_MB);
    expect(failedReason(parseCloudflareSummary(huge, META))).toMatch(/too large/);
    expect(failedReason(parseStatuspageSummary(new TextEncoder().encode(huge), META, { vendor: 'bunny' }))).toMatch(
      /too large/,
    );
  });

  it('Statuspage: a body under the byte cap with too many components is refused by the schema', () => {
    const components = Array.from({ length: 6_000 }, (_, i) => component(`c${i}`, `C${i}`, 'operational', null));
    expect(
      failedReason(
        parseStatuspageSummary(JSON.stringify(cloudflareSummary({ components })), META, { vendor: 'bunny' }),
      ),
    ).toMatch(/components/);
  });

  it('AWS: 10 MB of UTF-16 is refused as too large', () => {
    const event = {
      date: '1',
      status: '0',
      service: 'cloudfront',
      service_name: 'Amazon CloudFront',
      summary: 'x'.repeat(1000),
    };
    const text = JSON.stringify(Array.from({ length: 5_500 }, () => event));
    const bytes = utf16Bytes(text, 'le');
    expect(bytes.byteLength).toBeGreaterThan(TEN_MB);
    expect(failedReason(parseAwsCurrentEvents(bytes, META))).toMatch(/too large/);
  });

  it('GCP: a 10 MB history parses (its cap is larger), and one past the cap is refused', () => {
    const incident = (i: number) => ({
      id: `id${i}`,
      begin: '2026-01-01T00:00:00+00:00',
      end: '2026-01-01T01:00:00+00:00',
      external_desc: 'y'.repeat(400),
      status_impact: 'SERVICE_DISRUPTION',
      affected_products: [{ title: i % 2 ? 'Cloud CDN' : 'BigQuery', id: 'p' }],
    });
    const text = JSON.stringify(Array.from({ length: 22_000 }, (_, i) => incident(i)));
    expect(text.length).toBeGreaterThan(TEN_MB);
    const result = parseGcpIncidents(text, META);
    expect(result.state).toBe('ok');
    expect(result.state === 'ok' && result.status.incidents).toEqual([]);
    expect(failedReason(parseGcpIncidents(' '.repeat(GCP_MAX_BYTES + 1), META))).toMatch(/too large/);
  });

  it('RSS (Azure, Fastly): a 10 MB feed is refused as too large; the scanner alone stays bounded', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      title: `Item ${i}`,
      description: 'z'.repeat(500),
      guid: `/${i}/1`,
    }));
    const feed = rss('Big', items);
    expect(feed.length).toBeGreaterThan(TEN_MB);
    expect(failedReason(parseAzureStatusFeed(feed, META))).toMatch(/too large/);
    expect(failedReason(parseFastlyStatusFeed(new TextEncoder().encode(feed), META))).toMatch(/too large/);
    const scan = scanRssItems(feed);
    expect(scan.ok && scan.items.length).toBe(500);
  });
});
