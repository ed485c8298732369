/** Small named facts the decision table is written in. Each reads one thing, so the table reads like prose. */
import type { ComponentState } from '../status/types.ts';
import type { Facts } from './types.ts';

/** Unrelated sites behind the same CDN failing together: the CDN, whatever its status page says (18 Nov 2025). */
export const CORRELATION_THRESHOLD = 3;

const DOWN: ReadonlySet<ComponentState> = new Set(['major', 'partial', 'degraded']);

export const isDown = (state: ComponentState | null | undefined): boolean => state != null && DOWN.has(state);

export const statusFailed = (f: Facts) => f.vendorStatus === null && f.sources['vendor-status']?.state !== 'skipped';

/** A data centre listed as offline (Cloudflare `major_outage`), or an open incident naming it. Re-routed is not down. */
export const vendorAdmitsColo = (f: Facts) =>
  f.vendorStatus !== null && (f.vendorStatus.coloState === 'major' || f.vendorStatus.coloIncident !== null);

export const vendorAdmitsService = (f: Facts) =>
  f.vendorStatus !== null && (isDown(f.vendorStatus.explainingState) || f.vendorStatus.serviceIncident !== null);

/** The vendor's status page was read and shows the components that would explain this page as operational. */
export const vendorSaysFine = (f: Facts) => f.vendorStatus !== null && !vendorAdmitsService(f) && !vendorAdmitsColo(f);

export const isCorrelated = (f: Facts) => f.correlation.hosts >= CORRELATION_THRESHOLD;

export const connectivityWorks = (f: Facts) => f.probes.connectivity.ok > 0;

export const connectivityDead = (f: Facts) => f.probes.connectivity.ok === 0 && f.probes.connectivity.failed > 0;

export const peersSeeOutage = (f: Facts) => f.peers !== null && f.peers.state !== 'normal';

export const isServerError = (f: Facts) => f.page.kind === 'origin-error' || f.page.kind === 'edge-error';

/** The site's own status page admits trouble: an open incident or an indicator above none. */
export const siteAdmits = (f: Facts) =>
  f.siteStatus !== null &&
  (f.siteStatus.incident !== null || ['minor', 'major', 'critical'].includes(f.siteStatus.indicator));
