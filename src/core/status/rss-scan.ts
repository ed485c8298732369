/**
 * A small bounded RSS 2.0 item scanner. MV3 service workers have no DOMParser, and we only need a few
 * flat fields per `<item>`, so an indexOf walk (linear, no backtracking regexes, no entity expansion
 * beyond the five XML entities and numeric references) is smaller and safer than pulling in an XML
 * library such as fast-xml-parser. Anything structurally off (no channel, unclosed item, missing
 * `</rss>`) is reported as a failure, never as an empty feed.
 */

export interface FeedItem {
  title: string;
  link: string | null;
  /** Text with markup removed and entities decoded, at most 2,000 chars. */
  description: string;
  /** Epoch ms of pubDate; null when absent or unparseable. */
  publishedAt: number | null;
  guid: string | null;
}

export type FeedScan = { ok: true; items: FeedItem[] } | { ok: false; reason: string };

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Remove markup (entity-escaped HTML in descriptions ends up as tags after decoding). */
function stripTags(text: string): string {
  return text
    .replace(/<[^<>]{0,2000}>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Index just past the `>` of the first `<tag>` / `<tag attr…>` at or after `from`, or -1. */
function findOpen(
  xml: string,
  tag: string,
  from: number,
  limit: number,
): { start: number; end: number; selfClosing: boolean } | null {
  let at = xml.indexOf(`<${tag}`, from);
  while (at !== -1 && at < limit) {
    const next = xml[at + tag.length + 1];
    if (next === '>' || next === ' ' || next === '/' || next === '\n' || next === '\t' || next === '\r') {
      const close = xml.indexOf('>', at);
      if (close === -1 || close >= limit) return null;
      return { start: at, end: close + 1, selfClosing: xml[close - 1] === '/' };
    }
    at = xml.indexOf(`<${tag}`, at + 1);
  }
  return null;
}

function childText(block: string, tag: string): string | null {
  const open = findOpen(block, tag, 0, block.length);
  if (!open) return null;
  if (open.selfClosing) return '';
  const close = block.indexOf(`</${tag}>`, open.end);
  if (close === -1) return null;
  let inner = block.slice(open.end, close).trim();
  if (inner.startsWith('<![CDATA[')) {
    inner = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, data: string) => data);
    return inner.trim();
  }
  return decodeEntities(inner).trim();
}

function toItem(block: string): FeedItem {
  const date = childText(block, 'pubDate');
  const parsed = date ? Date.parse(date) : NaN;
  return {
    title: stripTags(childText(block, 'title') ?? '').slice(0, 500),
    link: childText(block, 'link') || null,
    description: stripTags(decodeEntities(childText(block, 'description') ?? '')).slice(0, 2_000),
    publishedAt: Number.isNaN(parsed) ? null : parsed,
    guid: childText(block, 'guid') || null,
  };
}

/**
 * Scan an RSS 2.0 document's items, in document order, keeping at most `maxItems`.
 * @example scanRssItems('<rss><channel><title>x</title></channel></rss>') // { ok: true, items: [] }
 */
export function scanRssItems(xml: string, maxItems = 500): FeedScan {
  const rss = findOpen(xml, 'rss', 0, xml.length);
  if (!rss) return { ok: false, reason: 'no <rss> element' };
  const channel = findOpen(xml, 'channel', rss.end, xml.length);
  if (!channel) return { ok: false, reason: 'no <channel> element' };
  const channelEnd = xml.lastIndexOf('</channel>');
  if (channelEnd < channel.end || xml.indexOf('</rss>', channelEnd) === -1) {
    return { ok: false, reason: 'feed is truncated (no </channel></rss>)' };
  }
  const items: FeedItem[] = [];
  let from = channel.end;
  while (items.length < maxItems) {
    const open = findOpen(xml, 'item', from, channelEnd);
    if (!open) break;
    const close = xml.indexOf('</item>', open.end);
    if (close === -1 || close > channelEnd) return { ok: false, reason: 'unclosed <item>' };
    items.push(toItem(xml.slice(open.end, close)));
    from = close + '</item>'.length;
  }
  return { ok: true, items };
}
