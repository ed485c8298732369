/**
 * AWS Health Dashboard, `https://health.aws.amazon.com/public/currentevents`, read for CloudFront.
 *
 * The body is a JSON array served as UTF-16 with a BOM (decodeBody sniffs it). Status codes are strings
 * "0".."3": 0 resolved, 1 informational, 2 degradation, 3 disruption (inferred from real data). CloudFront shows up
 * either as its own event (`service` "cloudfront") or inside a multi-service event's `impacted_services` with its own
 * `current` level; only that level counts.
 */
import * as v from 'valibot';
import { readJsonBody } from './decode-body.ts';
import { describeIssues } from '../validation-issues.ts';
import type { ComponentState, Incident, Indicator, ParseMeta, ParseResult } from './types.ts';

const CODE = v.union([v.string(), v.number()]);
const TEXT = v.pipe(v.string(), v.maxLength(20_000));

const EVENT = v.looseObject({
  date: CODE,
  arn: v.optional(v.string()),
  region_name: v.optional(v.string()),
  status: CODE,
  service: v.string(),
  service_name: v.string(),
  summary: TEXT,
  end_time: v.nullish(CODE),
  event_log: v.optional(v.pipe(v.array(v.looseObject({ timestamp: v.optional(v.number()) })), v.maxLength(5_000))),
  impacted_services: v.optional(v.record(v.string(), v.looseObject({ service_name: v.string(), current: CODE }))),
});

const EVENTS = v.pipe(v.array(EVENT), v.maxLength(5_000));
type AwsEvent = v.InferOutput<typeof EVENT>;

const DASHBOARD_URL = 'https://health.aws.amazon.com/health/status';
const CLOUDFRONT_ID = 'cloudfront';

type Level = 0 | 1 | 2 | 3 | 'unknown';

function toLevel(code: string | number): Level {
  const n = Number(code);
  return n === 0 || n === 1 || n === 2 || n === 3 ? n : 'unknown';
}

function isCloudFront(...names: string[]): boolean {
  return names.some((name) => name.toLowerCase().includes('cloudfront'));
}

/** CloudFront's level in this event, or null when the event does not concern CloudFront. */
function cloudFrontLevel(event: AwsEvent): Level | null {
  if (isCloudFront(event.service, event.service_name)) return toLevel(event.status);
  for (const [key, entry] of Object.entries(event.impacted_services ?? {})) {
    if (isCloudFront(key, entry.service_name)) return toLevel(entry.current);
  }
  return null;
}

function severity(level: Level): number {
  return level === 'unknown' ? 1.5 : level;
}

const IMPACT: Record<string, Indicator> = { '0': 'none', '1': 'none', '2': 'minor', '3': 'major', unknown: 'unknown' };
const STATE: Record<string, ComponentState> = {
  '0': 'operational',
  '1': 'operational',
  '2': 'degraded',
  '3': 'major',
  unknown: 'unknown',
};

function toIncident(event: AwsEvent, level: Level): Incident {
  const timestamps = (event.event_log ?? []).flatMap((entry) =>
    entry.timestamp === undefined ? [] : [entry.timestamp],
  );
  const started = Number(event.date);
  const resolved = level === 0 || (event.end_time !== undefined && event.end_time !== null && event.end_time !== '');
  return {
    id: event.arn ?? `${event.service}:${event.date}`,
    title: `${event.summary} (${event.service_name}${event.region_name ? `, ${event.region_name}` : ''})`,
    url: DASHBOARD_URL,
    kind: 'incident',
    phase: resolved ? 'resolved' : 'active',
    rawStatus: String(level),
    impact: IMPACT[String(level)] ?? 'unknown',
    startedAt: Number.isFinite(started) ? started * 1000 : null,
    updatedAt: timestamps.length > 0 ? Math.max(...timestamps) * 1000 : null,
    componentIds: [CLOUDFRONT_ID],
    colos: [],
  };
}

/**
 * Parse AWS currentevents into CloudFront's status (one component, its events as incidents).
 * @example parseAwsCurrentEvents(utf16Bytes, meta).status.components[0].name // 'Amazon CloudFront'
 */
export function parseAwsCurrentEvents(body: Uint8Array | string, meta: ParseMeta): ParseResult {
  const json = readJsonBody(body, meta);
  if (!json.ok) return { state: 'failed', reason: json.reason };
  const parsed = v.safeParse(EVENTS, json.value);
  if (!parsed.success) return { state: 'failed', reason: `not AWS currentevents: ${describeIssues(parsed.issues, 1)}` };
  const incidents: Incident[] = [];
  let worst: Level = 0;
  for (const event of parsed.output) {
    const level = cloudFrontLevel(event);
    if (level === null) continue;
    const incident = toIncident(event, level);
    incidents.push(incident);
    if (incident.phase === 'active' && severity(level) > severity(worst)) worst = level;
  }
  const key = String(worst);
  return {
    state: 'ok',
    status: {
      source: meta.url,
      vendor: 'cloudfront',
      fetchedAt: meta.now,
      indicator: IMPACT[key] ?? 'unknown',
      rawIndicator: key,
      coverage: 'incidents',
      components: [
        {
          id: CLOUDFRONT_ID,
          name: 'Amazon CloudFront',
          status: STATE[key] ?? 'unknown',
          rawStatus: key,
          explains: ['edge-error'],
        },
      ],
      incidents,
      page: { name: 'AWS Health Dashboard', url: DASHBOARD_URL },
    },
  };
}
