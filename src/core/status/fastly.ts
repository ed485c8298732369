/**
 * Fastly status, `https://www.fastlystatus.com/rss/` (a StatusCast page; no Statuspage JSON API).
 *
 * UNCERTAIN FORMAT: not verified live from here. Public monitors read this RSS; their notes say each
 * item is one *post*, posts of one incident share the first guid segment (`/378892/817466`) or the
 * `/incident/378892` link, and the feed is newest first. The feed is history, not state, so an
 * incident is taken as open when its newest post is under 7 days old and does not read as finished.
 * That is a heuristic (coverage `heuristic`); an empty or undated feed fails rather than saying "fine".
 */
import { readRssBody } from './decode-body.ts';
import { scanRssItems, type FeedItem } from './rss-scan.ts';
import type { ComponentState, Incident, Indicator, ParseMeta, ParseResult } from './types.ts';

const OPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const RECENT_MS = 24 * 60 * 60 * 1000;
const FINISHED = /\b(resolved|fully restored|has been restored|been completed|is complete|completed)\b/i;
const NOT_AN_INCIDENT = /^(retrospective|announcing|announcement|changes to|notice)\b/i;
const MAINTENANCE = /\bmaintenance\b|capacity expansion/i;
const SCHEDULED = /\bscheduled\b|will be performing/i;
const SEVERE = /\boutage\b|\bunavailable\b|\bdown\b/i;
const POP_CODE = /\(([A-Z]{3})\)/g;
const NETWORK_ID = 'fastly-network';

function incidentKey(item: FeedItem): string {
  const fromGuid = /^\/?(\d+)\//.exec(item.guid ?? '')?.[1];
  const fromLink = /\/incident\/(\d+)/.exec(item.link ?? '')?.[1];
  return fromGuid ?? fromLink ?? item.guid ?? item.link ?? item.title;
}

function toIncident(id: string, posts: FeedItem[], now: number): Incident | null {
  const dated = posts.filter((p) => p.publishedAt !== null).sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0));
  const newest = dated[0];
  const oldest = dated[dated.length - 1];
  if (!newest || !oldest || NOT_AN_INCIDENT.test(newest.title)) return null;
  const age = now - (newest.publishedAt ?? 0);
  const finished = FINISHED.test(`${newest.title} ${newest.description}`);
  if (age > (finished ? RECENT_MS : OPEN_WINDOW_MS)) return null;
  const isMaintenance = MAINTENANCE.test(newest.title);
  const openPhase = isMaintenance ? (SCHEDULED.test(newest.description) ? 'scheduled' : 'in-maintenance') : 'active';
  const colos = [...new Set([...newest.title.matchAll(POP_CODE)].flatMap((m) => (m[1] ? [m[1]] : [])))];
  return {
    id,
    title: newest.title,
    url: newest.link ?? oldest.link,
    kind: isMaintenance ? 'maintenance' : 'incident',
    phase: finished ? 'resolved' : openPhase,
    rawStatus: finished ? 'finished (by wording)' : 'open (by wording)',
    impact: isMaintenance ? 'maintenance' : SEVERE.test(newest.title) ? 'major' : 'minor',
    startedAt: oldest.publishedAt,
    updatedAt: newest.publishedAt,
    // POP incidents hang off their colo; everything else is network-wide (Fastly is one global network).
    componentIds: colos.length === 0 && !isMaintenance ? [NETWORK_ID] : [],
    colos,
  };
}

const RANK: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, unknown: 3, major: 4, critical: 5 };
const STATE: Record<Indicator, ComponentState> = {
  none: 'operational',
  maintenance: 'maintenance',
  minor: 'degraded',
  unknown: 'unknown',
  major: 'major',
  critical: 'major',
};

/**
 * Parse Fastly's status RSS into open incidents (heuristic) and one network-wide component.
 * @example parseFastlyStatusFeed(xml, meta).status.coverage // 'heuristic'
 */
export function parseFastlyStatusFeed(body: Uint8Array | string, meta: ParseMeta): ParseResult {
  const text = readRssBody(body, meta);
  if (!text.ok) return { state: 'failed', reason: text.reason };
  const scan = scanRssItems(text.value);
  if (!scan.ok) return { state: 'failed', reason: `not a Fastly status feed: ${scan.reason}` };
  if (!scan.items.some((item) => item.publishedAt !== null)) {
    return { state: 'failed', reason: 'Fastly feed has no dated items: cannot tell open incidents apart' };
  }
  const groups = new Map<string, FeedItem[]>();
  for (const item of scan.items) {
    const key = incidentKey(item);
    const posts = groups.get(key);
    if (posts) posts.push(item);
    else groups.set(key, [item]);
  }
  const incidents = [...groups].flatMap(([id, posts]) => toIncident(id, posts, meta.now) ?? []);
  const open = incidents.filter((i) => i.phase !== 'resolved');
  const indicator = open.reduce<Indicator>((worst, i) => (RANK[i.impact] > RANK[worst] ? i.impact : worst), 'none');
  const network = open
    .filter((i) => i.componentIds.includes(NETWORK_ID))
    .reduce<Indicator>((worst, i) => (RANK[i.impact] > RANK[worst] ? i.impact : worst), 'none');
  return {
    state: 'ok',
    status: {
      source: meta.url,
      vendor: 'fastly',
      fetchedAt: meta.now,
      indicator,
      rawIndicator: `${open.length} open by wording`,
      coverage: 'heuristic',
      components: [
        {
          id: NETWORK_ID,
          name: 'Fastly network',
          status: STATE[network],
          rawStatus: network,
          explains: ['edge-error'],
        },
      ],
      incidents,
      page: { name: 'Fastly status', url: 'https://www.fastlystatus.com/' },
    },
  };
}
