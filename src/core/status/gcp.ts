/**
 * Google Cloud status, `https://status.cloud.google.com/incidents.json`, read for Google's edge:
 * Cloud CDN, Media CDN, Cloud Load Balancing (the Google Front End in front of customer sites) and
 * Cloud Armor (its WAF). An incident is open while `end` is null or absent.
 * The file holds the whole incident history, so it gets a larger size cap than other sources.
 */
import * as v from 'valibot';
import { readJsonBody, parseTime } from './decode-body.ts';
import { explainComponent } from './explains.ts';
import { describeIssues } from '../validation-issues.ts';
import type { ComponentState, ComponentStatus, Incident, Indicator, ParseMeta, ParseResult } from './types.ts';

/** incidents.json is the full history (several MB); larger than the default cap on purpose. */
export const GCP_MAX_BYTES = 16 * 1024 * 1024;

/** Ended incidents stay visible this long, so "it was down a moment ago" can be said. */
const RECENT_MS = 24 * 60 * 60 * 1000;

const INCIDENT = v.looseObject({
  id: v.string(),
  begin: v.string(),
  end: v.nullish(v.string()),
  modified: v.optional(v.string()),
  external_desc: v.string(),
  status_impact: v.optional(v.string()),
  service_name: v.optional(v.string()),
  uri: v.optional(v.string()),
  affected_products: v.optional(v.pipe(v.array(v.looseObject({ title: v.string() })), v.maxLength(1_000))),
  most_recent_update: v.optional(v.looseObject({ status: v.optional(v.string()) })),
});
const INCIDENTS = v.pipe(v.array(INCIDENT), v.maxLength(50_000));
type GcpIncident = v.InferOutput<typeof INCIDENT>;

const PRODUCTS = ['Cloud CDN', 'Media CDN', 'Cloud Load Balancing', 'Cloud Armor'] as const;

const IMPACT: Record<string, Indicator> = {
  SERVICE_OUTAGE: 'major',
  SERVICE_DISRUPTION: 'minor',
  SERVICE_INFORMATION: 'none',
};
const STATE: Record<Indicator, ComponentState> = {
  none: 'operational',
  minor: 'degraded',
  major: 'major',
  critical: 'major',
  maintenance: 'maintenance',
  unknown: 'unknown',
};
const RANK: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, unknown: 3, major: 4, critical: 5 };

function productsOf(incident: GcpIncident): string[] {
  const titles = [...(incident.affected_products ?? []).map((p) => p.title), incident.service_name ?? ''];
  return PRODUCTS.filter((product) => titles.some((t) => t.trim().toLowerCase() === product.toLowerCase()));
}

function toIncident(raw: GcpIncident, products: string[]): Incident {
  const open = raw.end === null || raw.end === undefined;
  const recovered = raw.most_recent_update?.status === 'AVAILABLE';
  const impact = raw.status_impact === undefined ? 'unknown' : (IMPACT[raw.status_impact] ?? 'unknown');
  return {
    id: raw.id,
    title: raw.external_desc.slice(0, 300),
    url: `https://status.cloud.google.com/${raw.uri ?? `incidents/${raw.id}`}`,
    kind: 'incident',
    phase: !open ? 'resolved' : recovered ? 'monitoring' : 'active',
    rawStatus: raw.status_impact ?? '',
    impact,
    startedAt: parseTime(raw.begin),
    updatedAt: parseTime(raw.modified),
    componentIds: products,
    colos: [],
  };
}

/**
 * Parse GCP incidents.json into the state of Google's edge products.
 * @example parseGcpIncidents(bytes, meta).status.components.map((c) => c.name) // ['Cloud CDN', ...]
 */
export function parseGcpIncidents(body: Uint8Array | string, meta: ParseMeta): ParseResult {
  const json = readJsonBody(body, meta, GCP_MAX_BYTES);
  if (!json.ok) return { state: 'failed', reason: json.reason };
  const parsed = v.safeParse(INCIDENTS, json.value);
  if (!parsed.success)
    return { state: 'failed', reason: `not GCP incidents.json: ${describeIssues(parsed.issues, 1)}` };
  const incidents: Incident[] = [];
  const worst = new Map<string, Indicator>(PRODUCTS.map((p) => [p, 'none']));
  for (const raw of parsed.output) {
    const products = productsOf(raw);
    if (products.length === 0) continue;
    const incident = toIncident(raw, products);
    const ended = parseTime(raw.end);
    if (incident.phase === 'resolved' && (ended === null || meta.now - ended > RECENT_MS)) continue;
    incidents.push(incident);
    if (incident.phase === 'resolved') continue;
    for (const product of products) {
      const current = worst.get(product) ?? 'none';
      if (RANK[incident.impact] > RANK[current]) worst.set(product, incident.impact);
    }
  }
  const components: ComponentStatus[] = PRODUCTS.map((name) => {
    const level = worst.get(name) ?? 'none';
    return { id: name, name, status: STATE[level], rawStatus: level, explains: explainComponent(name) };
  });
  const overall = [...worst.values()].reduce<Indicator>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
  return {
    state: 'ok',
    status: {
      source: meta.url,
      vendor: 'google',
      fetchedAt: meta.now,
      indicator: overall,
      rawIndicator: overall,
      coverage: 'incidents',
      components,
      incidents,
      page: { name: 'Google Cloud Service Health', url: 'https://status.cloud.google.com/' },
    },
  };
}
