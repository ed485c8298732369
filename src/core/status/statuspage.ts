/**
 * Parser for Atlassian Statuspage v2 `/api/v2/summary.json` (also served by incident.io pages for
 * compatibility). Vendor-specific meaning (Cloudflare) is layered on top; status.json lives in statuspage-status.ts.
 */
import * as v from 'valibot';
import { readJsonBody, parseTime } from './decode-body.ts';
import { explainComponent } from './explains.ts';
import { describeIssues } from '../validation-issues.ts';
import { SUMMARY_SCHEMA, type IncidentPayload, type SummaryPayload } from './statuspage-schema.ts';
import type {
  ComponentState,
  ComponentStatus,
  Incident,
  IncidentPhase,
  Indicator,
  ParseMeta,
  ParseResult,
  StatusSubject,
} from './types.ts';

export interface StatuspageOptions {
  vendor: StatusSubject;
  /** IATA code of a data-centre component, given its name and group name; null for service components. */
  coloOf?: (name: string, group: string | undefined) => string | null;
  /** IATA codes named in an incident title (Cloudflare maintenances: `EWR (Newark) on 2026-09-01`). */
  colosInTitle?: (title: string) => string[];
}

const INDICATORS: readonly Indicator[] = ['none', 'minor', 'major', 'critical', 'maintenance'];

/** Map a Statuspage indicator/impact string; unknown values stay visible as `unknown`. */
export function toIndicator(raw: string | undefined): Indicator {
  return INDICATORS.find((known) => known === raw) ?? 'unknown';
}

const COMPONENT_STATES: Readonly<Record<string, ComponentState>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial',
  major_outage: 'major',
  under_maintenance: 'maintenance',
};

const PHASES: Readonly<Record<string, IncidentPhase>> = {
  investigating: 'active',
  identified: 'active',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'resolved',
  completed: 'resolved',
  scheduled: 'scheduled',
  in_progress: 'in-maintenance',
  verifying: 'in-maintenance',
};

function mapComponents(payload: SummaryPayload, options: StatuspageOptions): ComponentStatus[] {
  const groupNames = new Map<string, string>();
  for (const c of payload.components) if (c.group === true) groupNames.set(c.id, c.name);
  const out: ComponentStatus[] = [];
  for (const c of payload.components) {
    if (c.group === true) continue;
    const group = c.group_id ? groupNames.get(c.group_id) : undefined;
    const colo = options.coloOf?.(c.name, group) ?? null;
    out.push({
      id: c.id,
      name: c.name,
      status: Object.hasOwn(COMPONENT_STATES, c.status) ? (COMPONENT_STATES[c.status] ?? 'unknown') : 'unknown',
      rawStatus: c.status,
      ...(group !== undefined ? { group } : {}),
      ...(colo !== null ? { colo } : {}),
      // A site's own components are its services; CDN failure kinds do not apply to them.
      explains: options.vendor === 'site' ? [] : explainComponent(c.name),
    });
  }
  return out;
}

function mapIncident(raw: IncidentPayload, isMaintenance: boolean, options: StatuspageOptions): Incident {
  const ids = new Set<string>();
  const colos = new Set<string>(options.colosInTitle?.(raw.name) ?? []);
  const noteComponent = (id: string | undefined, name: string): void => {
    if (id) ids.add(id);
    const colo = options.coloOf?.(name, undefined);
    if (colo) colos.add(colo);
  };
  for (const c of raw.components ?? []) noteComponent(c.id, c.name);
  for (const update of raw.incident_updates ?? []) {
    for (const affected of update.affected_components ?? []) noteComponent(affected.code, affected.name);
  }
  return {
    id: raw.id,
    title: raw.name,
    url: raw.shortlink ?? null,
    kind: isMaintenance || raw.impact === 'maintenance' ? 'maintenance' : 'incident',
    // Unknown statuses on a list of unresolved incidents are read as still active.
    phase: Object.hasOwn(PHASES, raw.status) ? (PHASES[raw.status] ?? 'active') : 'active',
    rawStatus: raw.status,
    impact: toIndicator(raw.impact),
    startedAt: parseTime(raw.started_at ?? raw.created_at),
    updatedAt: parseTime(raw.updated_at),
    ...(isMaintenance
      ? { scheduledFor: parseTime(raw.scheduled_for), scheduledUntil: parseTime(raw.scheduled_until) }
      : {}),
    componentIds: [...ids],
    colos: [...colos],
  };
}

/**
 * Parse `/api/v2/summary.json` of a Statuspage or incident.io page.
 * @example parseStatuspageSummary(bytes, meta, { vendor: 'vercel' })
 */
export function parseStatuspageSummary(
  body: Uint8Array | string,
  meta: ParseMeta,
  options: StatuspageOptions,
): ParseResult {
  const json = readJsonBody(body, meta);
  if (!json.ok) return { state: 'failed', reason: json.reason };
  const parsed = v.safeParse(SUMMARY_SCHEMA, json.value);
  if (!parsed.success)
    return { state: 'failed', reason: `not a Statuspage summary: ${describeIssues(parsed.issues, 1)}` };
  const payload = parsed.output;
  const incidents = [
    ...(payload.incidents ?? []).map((i) => mapIncident(i, false, options)),
    ...(payload.scheduled_maintenances ?? []).map((i) => mapIncident(i, true, options)),
  ];
  return {
    state: 'ok',
    status: {
      source: meta.url,
      vendor: options.vendor,
      fetchedAt: meta.now,
      indicator: toIndicator(payload.status.indicator),
      rawIndicator: payload.status.indicator,
      ...(payload.status.description !== undefined ? { description: payload.status.description } : {}),
      coverage: 'components',
      components: mapComponents(payload, options),
      incidents,
      ...(payload.page?.name !== undefined && payload.page.url !== undefined
        ? { page: { name: payload.page.name, url: payload.page.url } }
        : {}),
    },
  };
}
