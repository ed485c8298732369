import { describe, expect, it } from 'vitest';
import { parseAzureStatusFeed } from './azure.ts';
import { parseFastlyStatusFeed } from './fastly.ts';
import { scanRssItems } from './rss-scan.ts';
import { incidentsForColo } from './status-queries.ts';
import { rfc822, rss } from '../../../tests/support/status/rss-feeds.ts';
import { NOW, expectOk, metaFor } from '../../../tests/support/status/parse-helpers.ts';

const HOUR = 3_600_000;
const AZURE = metaFor('https://rssfeed.azure.status.microsoft/en-us/status/feed/', {
  contentType: 'application/rss+xml',
});
const FASTLY = metaFor('https://www.fastlystatus.com/rss/', { contentType: 'application/rss+xml' });

describe('scanRssItems', () => {
  it('reads items with entities, CDATA and escaped HTML', () => {
    const xml = rss('Feed', [
      {
        title: 'A & B',
        description: '<p>Fixed &#x2714; &#10004;</p>',
        link: 'https://x/1',
        guid: 'g1',
        pubDate: rfc822(NOW),
      },
      { title: 'C', description: '<b>raw</b> & bold', cdata: true },
    ]);
    const scan = scanRssItems(xml);
    expect(scan).toEqual({
      ok: true,
      items: [
        { title: 'A & B', link: 'https://x/1', guid: 'g1', description: 'Fixed ✔ ✔', publishedAt: NOW - (NOW % 1000) },
        { title: 'C', link: null, guid: null, description: 'raw & bold', publishedAt: null },
      ],
    });
  });

  it.each([
    ['a non-RSS document', '<html><body>hi</body></html>', /no <rss>/],
    ['an RSS without channel', '<rss version="2.0"></rss>', /no <channel>/],
    ['a truncated feed', rss('F', [{ title: 'x' }]).slice(0, -30), /truncated/],
    ['an unclosed item', '<rss><channel><item><title>x</title></channel></rss>', /unclosed/],
  ])('fails on %s', (_label, xml, reason) => {
    const scan = scanRssItems(xml);
    expect(scan.ok).toBe(false);
    if (!scan.ok) expect(scan.reason).toMatch(reason);
  });

  it('replaces invalid numeric references instead of throwing', () => {
    const scan = scanRssItems(rss('F', [{ title: 'x', description: '&#xD800; &#99999999;' }]));
    expect(scan.ok && scan.items[0]?.description).toBe('\ufffd &#99999999;');
  });

  it('keeps at most maxItems', () => {
    const scan = scanRssItems(
      rss(
        'F',
        Array.from({ length: 10 }, (_, i) => ({ title: `t${i}` })),
      ),
      3,
    );
    expect(scan.ok && scan.items.map((i) => i.title)).toEqual(['t0', 't1', 't2']);
  });
});

describe('parseAzureStatusFeed', () => {
  it('reads an empty channel as no active incidents', () => {
    const status = expectOk(parseAzureStatusFeed(rss('Azure Status', []), AZURE));
    expect(status).toMatchObject({ vendor: 'azure', indicator: 'none', coverage: 'incidents', incidents: [] });
    expect(status.components.map((c) => [c.name, c.status, c.explains])).toEqual([
      ['Azure Front Door', 'operational', ['edge-error']],
      ['Azure CDN', 'operational', ['edge-error']],
    ]);
  });

  it('marks Front Door degraded when an active item names it', () => {
    const xml = rss('Azure Status', [
      {
        title: 'Active - Azure Front Door - Intermittent connectivity',
        description: 'Customers using AFD may see 502 errors.',
        link: 'https://azure.status.microsoft/#1',
        pubDate: rfc822(NOW - HOUR),
      },
      {
        title: 'Active - Azure SQL Database - West Europe',
        description: 'Connection failures.',
        pubDate: rfc822(NOW - HOUR),
      },
    ]);
    const status = expectOk(parseAzureStatusFeed(xml, AZURE));
    expect(status.indicator).toBe('minor');
    expect(status.incidents.map((i) => i.componentIds)).toEqual([['front-door'], []]);
    expect(status.components.find((c) => c.id === 'front-door')?.status).toBe('degraded');
    expect(status.components.find((c) => c.id === 'cdn')?.status).toBe('operational');
  });

  it('does not blame Front Door for unrelated active incidents', () => {
    const status = expectOk(parseAzureStatusFeed(rss('Azure Status', [{ title: 'Azure Storage - East US' }]), AZURE));
    expect(status.indicator).toBe('none');
    expect(status.incidents).toHaveLength(1);
  });

  it.each([
    ['JSON', '{"incidents":[]}', {}],
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Azure status</title></head></html>',
      { contentType: 'text/html' },
    ],
    ['a 301', rss('Azure Status', []), { httpStatus: 301 }],
    ['a truncated feed', rss('Azure Status', [{ title: 'x' }]).slice(0, 200), {}],
  ])('fails on %s', (_label, body, overrides) => {
    expect(parseAzureStatusFeed(body, metaFor(AZURE.url, overrides)).state).toBe('failed');
  });
});

describe('parseFastlyStatusFeed (heuristic)', () => {
  const post = (incident: number, postId: number, title: string, description: string, at: number) => ({
    title,
    description: `<p>${description}</p>`,
    link: `https://www.fastlystatus.com/incident/${incident}?p=${postId}`,
    guid: `/${incident}/${postId}`,
    pubDate: rfc822(at),
  });

  it('groups posts by incident and keeps the open one, network-wide', () => {
    const xml = rss('Fastly Status', [
      post(
        378900,
        3,
        'Elevated errors across multiple locations',
        'Engineering has identified a contributing factor.',
        NOW - HOUR,
      ),
      post(
        378900,
        2,
        'Elevated errors across multiple locations',
        'We are investigating elevated errors.',
        NOW - 2 * HOUR,
      ),
      post(378800, 9, 'Ashburn (IAD) performance degradation', 'This incident has been resolved.', NOW - 30 * HOUR),
    ]);
    const status = expectOk(parseFastlyStatusFeed(xml, FASTLY));
    expect(status.coverage).toBe('heuristic');
    expect(status.indicator).toBe('minor');
    expect(status.incidents).toHaveLength(1);
    expect(status.incidents[0]).toMatchObject({
      id: '378900',
      phase: 'active',
      startedAt: NOW - 2 * HOUR - ((NOW - 2 * HOUR) % 1000),
      componentIds: ['fastly-network'],
    });
    expect(status.components[0]).toMatchObject({
      name: 'Fastly network',
      status: 'degraded',
      explains: ['edge-error'],
    });
  });

  it('ties POP incidents to their colo, not the whole network', () => {
    const xml = rss('Fastly Status', [post(1, 1, 'Tokyo (HND) outage', 'We are investigating.', NOW - HOUR)]);
    const status = expectOk(parseFastlyStatusFeed(xml, FASTLY));
    expect(incidentsForColo(status, 'hnd').map((i) => i.impact)).toEqual(['major']);
    expect(status.components[0]?.status).toBe('operational');
    expect(status.indicator).toBe('major');
  });

  it('keeps a recently resolved incident as resolved and ignores announcements and old posts', () => {
    const xml = rss('Fastly Status', [
      post(3, 1, 'Retrospective: March incident', 'Details.', NOW - HOUR),
      post(2, 1, 'Purge delays', 'This incident has been resolved.', NOW - 3 * HOUR),
      post(1, 1, 'Elevated errors', 'Investigating.', NOW - 10 * 24 * HOUR),
    ]);
    const status = expectOk(parseFastlyStatusFeed(xml, FASTLY));
    expect(status.incidents.map((i) => [i.id, i.phase])).toEqual([['2', 'resolved']]);
    expect(status.indicator).toBe('none');
  });

  it('reads maintenance as maintenance', () => {
    const xml = rss('Fastly Status', [
      post(5, 1, 'Scheduled maintenance: Frankfurt (FRA)', 'We will be performing maintenance.', NOW - HOUR),
    ]);
    const status = expectOk(parseFastlyStatusFeed(xml, FASTLY));
    expect(status.incidents[0]).toMatchObject({ kind: 'maintenance', phase: 'scheduled', colos: ['FRA'] });
    expect(status.indicator).toBe('maintenance');
  });

  it.each([
    ['an empty feed', rss('Fastly Status', [])],
    ['a feed without dates', rss('Fastly Status', [{ title: 'x' }])],
    ['the HTML status page', '<!DOCTYPE html><html><body><table class="historygrid"></table></body></html>'],
  ])('fails on %s rather than saying fine', (_label, body) => {
    expect(parseFastlyStatusFeed(body, FASTLY).state).toBe('failed');
  });
});
