/**
 * Cloudflare's status page (www.cloudflarestatus.com, Statuspage) read with the page's own semantics.
 *
 * The page's inline script relabels data-centre components: `partial_outage` → "Re-routed",
 * `major_outage` → "Offline", `under_maintenance` → "Partially Re-routed", and shows "All Systems
 * Operational" while only such states exist, even though the API indicator says `minor`
 * (inket/stts's Cloudflare.swift reads it the same way). A re-routed data centre means traffic is served
 * from a neighbour, so it does not explain a failing page by itself.
 */
import { parseStatuspageSummary } from './statuspage.ts';
import type { ComponentStatus, ParseMeta, ParseResult, VendorStatus } from './types.ts';

const SERVICES_GROUP = /sites and services/i;

/**
 * Data-centre names end in `- (IATA)` with irregular spacing (`Bratislava, Slovakia   - (BTS)`).
 * The dash is required: service names such as `Data Loss Prevention (DLP)` also end in three capitals.
 */
const COLO_SUFFIX = /-\s*\(([A-Z]{3})\)\s*$/;

/** Maintenance titles name the colo first: `EWR (Newark) on 2026-09-01`. */
const COLO_TITLE = /^([A-Z]{3})\s*\(/;

/** IATA code of a Cloudflare data-centre component, or null for service components. */
export function coloFromComponentName(name: string, group: string | undefined): string | null {
  if (group !== undefined && SERVICES_GROUP.test(group)) return null;
  if (SERVICES_GROUP.test(name)) return null;
  return COLO_SUFFIX.exec(name)?.[1] ?? null;
}

function colosInTitle(title: string): string[] {
  const code = COLO_TITLE.exec(title)?.[1];
  return code ? [code] : [];
}

function relabelDataCentre(component: ComponentStatus): ComponentStatus {
  if (component.colo === undefined) return component;
  const base = { ...component, explains: [...new Set([...component.explains, 'edge-error' as const])] };
  switch (component.rawStatus) {
    case 'partial_outage':
      return { ...base, status: 'rerouted', label: 'Re-routed' };
    case 'under_maintenance':
      return { ...base, status: 'rerouted', label: 'Partially re-routed' };
    case 'major_outage':
      return { ...base, status: 'major', label: 'Offline' };
    default:
      return base;
  }
}

/**
 * Apply Cloudflare's semantics to a parsed summary: relabel data-centre states and, when the only
 * trouble is re-routed data centres and nothing is under investigation, report indicator `none` as the
 * page itself does. An offline data centre (`major_outage`) keeps the API's indicator: a user pinned to
 * that colo may really be cut off.
 */
function applyCloudflareSemantics(status: VendorStatus): VendorStatus {
  const components = status.components.map(relabelDataCentre);
  const hasOtherTrouble = components.some(
    (c) => c.status !== 'operational' && !(c.colo !== undefined && c.status === 'rerouted'),
  );
  const hasOpenIncident = status.incidents.some(
    (i) => i.kind === 'incident' && (i.phase === 'active' || i.phase === 'monitoring'),
  );
  const onlyReroutes = status.rawIndicator === 'minor' && !hasOtherTrouble && !hasOpenIncident;
  return { ...status, components, indicator: onlyReroutes ? 'none' : status.indicator };
}

/**
 * Parse Cloudflare's `/api/v2/summary.json` with data-centre colos and relabelled states.
 * @example parseCloudflareSummary(bytes, meta).state // 'ok' | 'failed'
 */
export function parseCloudflareSummary(body: Uint8Array | string, meta: ParseMeta): ParseResult {
  const result = parseStatuspageSummary(body, meta, {
    vendor: 'cloudflare',
    coloOf: coloFromComponentName,
    colosInTitle,
  });
  return result.state === 'ok' ? { state: 'ok', status: applyCloudflareSemantics(result.status) } : result;
}
