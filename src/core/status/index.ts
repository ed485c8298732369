/**
 * Vendor and site status for the diagnosis engine: pick sources, fetch them through one cached fetcher,
 * and ask the parsed VendorStatus questions.
 * @example
 * const statuses = createStatusFetcher({ fetch, now: Date.now, timeout: (ms) => AbortSignal.timeout(ms) });
 * const [source] = statusSourcesFor('cloudflare');
 * const result = await statuses.get(source);
 * if (result.state === 'ok') findColoComponent(result.status, 'ICN');
 */
export type {
  ComponentState,
  ComponentStatus,
  Coverage,
  Incident,
  IncidentPhase,
  Indicator,
  ParseMeta,
  ParseResult,
  SourceResult,
  StatusParser,
  StatusSource,
  StatusSubject,
  VendorStatus,
} from './types.ts';
export { createStatusFetcher, type StatusFetcher, type StatusFetcherDeps } from './fetch-status.ts';
export { statusSourcesFor, VENDOR_STATUS_ORIGINS, type StatusConfig } from './vendors.ts';
export { siteStatusSource, hasKnownStatusPage, normaliseDomain } from './site-status.ts';
export {
  findColoComponent,
  findComponentsExplaining,
  incidentsForColo,
  isComponentTroubled,
  isIncidentOpen,
} from './status-queries.ts';
export { explainComponent } from './explains.ts';
export { coloFromComponentName } from './cloudflare.ts';
