/**
 * Azure status RSS, `https://rssfeed.azure.status.microsoft/en-us/status/feed/`.
 * The feed lists only active incidents and carries no severity or components, so: an empty channel
 * means "nothing reported", every item is an active incident, and Front Door / CDN are recognised by
 * wording. A body that is not a well-formed RSS channel is a failure, never "no incidents".
 */
import { readRssBody } from './decode-body.ts';
import { explainComponent } from './explains.ts';
import { scanRssItems, type FeedItem } from './rss-scan.ts';
import type { ComponentStatus, Incident, ParseMeta, ParseResult } from './types.ts';

const PRODUCTS = [
  { id: 'front-door', name: 'Azure Front Door', pattern: /front\s*door|\bAFD\b/i },
  { id: 'cdn', name: 'Azure CDN', pattern: /\bCDN\b|content delivery network/i },
] as const;

function toIncident(item: FeedItem, index: number): Incident {
  const text = `${item.title} ${item.description}`;
  return {
    id: item.guid ?? item.link ?? `item-${index}`,
    title: item.title,
    url: item.link,
    kind: 'incident',
    phase: 'active',
    rawStatus: 'active',
    // The feed publishes no severity; `minor` is the lowest level that still says "something is wrong".
    impact: 'minor',
    startedAt: item.publishedAt,
    updatedAt: item.publishedAt,
    componentIds: PRODUCTS.filter((p) => p.pattern.test(text)).map((p) => p.id),
    colos: [],
  };
}

/**
 * Parse the Azure status feed; the indicator reflects only incidents naming Front Door or CDN.
 * @example parseAzureStatusFeed('<rss><channel></channel></rss>', meta).status.indicator // 'none'
 */
export function parseAzureStatusFeed(body: Uint8Array | string, meta: ParseMeta): ParseResult {
  const text = readRssBody(body, meta);
  if (!text.ok) return { state: 'failed', reason: text.reason };
  const scan = scanRssItems(text.value);
  if (!scan.ok) return { state: 'failed', reason: `not an Azure status feed: ${scan.reason}` };
  const incidents = scan.items.map(toIncident);
  const components: ComponentStatus[] = PRODUCTS.map((product) => {
    const hit = incidents.some((i) => i.componentIds.includes(product.id));
    return {
      id: product.id,
      name: product.name,
      status: hit ? 'degraded' : 'operational',
      rawStatus: hit ? 'incident' : 'no incident',
      explains: explainComponent(product.name),
    };
  });
  const relevant = components.some((c) => c.status !== 'operational');
  return {
    state: 'ok',
    status: {
      source: meta.url,
      vendor: 'azure',
      fetchedAt: meta.now,
      indicator: relevant ? 'minor' : 'none',
      rawIndicator: `${incidents.length} active item(s)`,
      coverage: 'incidents',
      components,
      incidents,
      page: { name: 'Azure status', url: 'https://azure.status.microsoft/en-us/status' },
    },
  };
}
