/**
 * Reduces a vendor's whole status page to the few facts that bear on this page: the user's data centre, the
 * components that would explain what the page showed, and any open incident naming either.
 */
import type { DetectionKind } from '../detect/types.ts';
import {
  findColoComponent,
  findComponentsExplaining,
  incidentsForColo,
  isIncidentOpen,
} from '../status/status-queries.ts';
import type { ComponentState, ComponentStatus, Incident, VendorStatus } from '../status/types.ts';
import type { IncidentRef, SiteStatusFacts, VendorStatusFacts } from './types.ts';

/** Worse states sort first; `rerouted` ranks with operational because users are still served. */
const SEVERITY: Record<ComponentState, number> = {
  major: 0,
  partial: 1,
  degraded: 2,
  maintenance: 3,
  unknown: 4,
  rerouted: 5,
  operational: 6,
};

function worst(components: ComponentStatus[]): ComponentStatus | null {
  return [...components].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status])[0] ?? null;
}

const toRef = (incident: Incident | undefined): IncidentRef | null =>
  incident ? { title: incident.title, url: incident.url } : null;

/** @example toVendorStatusFacts(cloudflareStatus, 'edge-error', 'ICN').coloComponent // 'Seoul, South Korea - (ICN)' */
export function toVendorStatusFacts(status: VendorStatus, kind: DetectionKind, colo: string | null): VendorStatusFacts {
  const coloComponent = colo ? findColoComponent(status, colo) : null;
  const explaining = findComponentsExplaining(status, kind, colo ?? undefined).filter((c) => c.colo === undefined);
  const worstExplaining = worst(explaining);
  const open = status.incidents.filter((i) => i.kind === 'incident' && isIncidentOpen(i));
  const coloIncident = colo ? incidentsForColo({ ...status, incidents: open }, colo)[0] : undefined;
  const explainingIds = new Set(explaining.map((c) => c.id));
  const serviceIncident = open.find((i) => i.componentIds.some((id) => explainingIds.has(id)));
  return {
    coloState: coloComponent?.status ?? null,
    coloComponent: coloComponent?.name ?? null,
    explainingState: worstExplaining?.status ?? null,
    explainingComponent: worstExplaining?.name ?? null,
    coloIncident: toRef(coloIncident),
    serviceIncident: toRef(serviceIncident),
  };
}

/** The site's own page: its indicator and its first open incident. */
export function toSiteStatusFacts(status: VendorStatus): SiteStatusFacts {
  const open = status.incidents.find((i) => i.kind === 'incident' && isIncidentOpen(i));
  return { indicator: status.indicator, incident: toRef(open) };
}
