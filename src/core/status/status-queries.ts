/**
 * Questions the diagnosis engine asks of a VendorStatus, whatever platform it came from.
 */
import type { DetectionKind } from '../detect/types.ts';
import type { ComponentStatus, Incident, VendorStatus } from './types.ts';

function normaliseColo(colo: string): string {
  return colo.trim().toUpperCase();
}

/**
 * The data-centre component serving `colo` (IATA, e.g. from cf-ray `…-ICN`), or null if the page has none.
 * @example findColoComponent(status, 'icn')?.name // 'Seoul, South Korea - (ICN)'
 */
export function findColoComponent(status: VendorStatus, colo: string): ComponentStatus | null {
  const code = normaliseColo(colo);
  return status.components.find((c) => c.colo === code) ?? null;
}

/**
 * Components whose outage would explain `kind`. Data-centre components are included only for the
 * given `colo`: another city's data centre never explains this user's page.
 * @example findComponentsExplaining(status, 'challenge').map((c) => c.name) // ['Challenge Platform', 'Turnstile', ...]
 */
export function findComponentsExplaining(status: VendorStatus, kind: DetectionKind, colo?: string): ComponentStatus[] {
  const code = colo === undefined ? undefined : normaliseColo(colo);
  return status.components.filter((c) => c.explains.includes(kind) && (c.colo === undefined || c.colo === code));
}

/**
 * Incidents and maintenances naming `colo`, directly or through its data-centre component.
 * @example incidentsForColo(status, 'EWR')[0]?.title // 'EWR (Newark) on 2026-09-01'
 */
export function incidentsForColo(status: VendorStatus, colo: string): Incident[] {
  const code = normaliseColo(colo);
  const componentId = findColoComponent(status, code)?.id;
  return status.incidents.filter(
    (i) => i.colos.includes(code) || (componentId !== undefined && i.componentIds.includes(componentId)),
  );
}

/** True when the component is in a state that could hurt users (re-routed data centres do not). */
export function isComponentTroubled(component: ComponentStatus): boolean {
  return component.status !== 'operational' && component.status !== 'rerouted';
}

/** True for incidents that are still going on or being watched, and maintenances under way. */
export function isIncidentOpen(incident: Incident): boolean {
  return incident.phase === 'active' || incident.phase === 'monitoring' || incident.phase === 'in-maintenance';
}
