/** Small named facts the decision table is written in. Each reads one thing, so the table reads like prose. */
import type { ComponentState } from '../status/types.ts';
import type { Facts, PageFacts } from './types.ts';

/** Unrelated sites behind the same CDN failing together: the CDN, whatever its status page says (18 Nov 2025). */
export const CORRELATION_THRESHOLD = 3;

const DOWN: ReadonlySet<ComponentState> = new Set(['major', 'partial', 'degraded']);

export const isDown = (state: ComponentState | null | undefined): boolean => state != null && DOWN.has(state);

/** @example DECISION_TABLE row `when: p.pageShows('blocked')` */
export const pageShows =
  (kind: PageFacts['kind']) =>
  (f: Facts): boolean =>
    f.page.kind === kind;

/** The browser reported a network error (DNS, refused, timeout, TLS, offline): no page arrived at all. */
export const pageNeverArrived = pageShows('network-error');

/** A bot check that could not load or finish (e.g. "Please unblock challenges.cloudflare.com"). */
export const showsFailedChallenge = pageShows('challenge-failed');

/** The CDN's own error page, branded as the CDN's failure rather than the site's. */
export const showsEdgeError = pageShows('edge-error');

/** No CDN or WAF was seen in front of the site: whatever failed, the site's own server (or its own proxy) answered. */
export const noCdnInFront = (f: Facts) => f.page.vendor === null;

export const isServerError = (f: Facts) => f.page.kind === 'origin-error' || f.page.kind === 'edge-error';

/** The page looks like a CDN's error, block or challenge page, but no header confirms that CDN answered. */
export const isUnconfirmedCdnPage = (f: Facts) => f.page.unconfirmed && f.page.kind !== 'none';

export const statusFailed = (f: Facts) => f.vendorStatus === null && f.sources['vendor-status']?.state !== 'skipped';

/** A data centre listed as offline (Cloudflare `major_outage`) or named by an open incident. Re-routed is not down. */
export const vendorAdmitsColo = (f: Facts) =>
  f.vendorStatus !== null && (f.vendorStatus.coloState === 'major' || f.vendorStatus.coloIncident !== null);

export const vendorAdmitsService = (f: Facts) =>
  f.vendorStatus !== null && (isDown(f.vendorStatus.explainingState) || f.vendorStatus.serviceIncident !== null);

/** The vendor's status page was read and shows the components that would explain this page as operational. */
export const vendorSaysFine = (f: Facts) => f.vendorStatus !== null && !vendorAdmitsService(f) && !vendorAdmitsColo(f);

export const isCorrelated = (f: Facts) => f.correlation.hosts >= CORRELATION_THRESHOLD;

export const connectivityWorks = (f: Facts) => f.probes.connectivity.ok > 0;

export const connectivityDead = (f: Facts) => f.probes.connectivity.ok === 0 && f.probes.connectivity.failed > 0;

/** The browser could not resolve the host while the internet works, and public DNS cannot resolve it either. */
export const siteDnsBroken = (f: Facts) =>
  f.page.network === 'dns' && connectivityWorks(f) && f.probes.doh === 'nxdomain';

/** The browser could not resolve the host while the internet works, yet public DNS resolves it. */
export const yourResolverFails = (f: Facts) =>
  f.page.network === 'dns' && connectivityWorks(f) && f.probes.doh === 'resolves';

/** The CDN edge in front of the site answered `/cdn-cgi/trace`, so the edge itself reaches this browser. */
export const edgeAnswers = (f: Facts) => f.probes.trace !== null;

/** A fresh request to a page that had loaded fine now gets the CDN's error page. */
export const nowFailsAtCdn = (f: Facts) => f.page.kind === 'none' && f.probes.origin === 'cdn-error';

/** A fresh request to a page that had loaded fine now gets the site's error, or no answer at all. */
export const nowFailsAtSite = (f: Facts) =>
  f.page.kind === 'none' && (f.probes.origin === 'origin-error' || f.probes.origin === 'unreachable');

export const peersSeeOutage = (f: Facts) => f.peers !== null && f.peers.state !== 'normal';

/** The site's own status page admits trouble: an open incident or an indicator above none. */
export const siteAdmits = (f: Facts) =>
  f.siteStatus !== null &&
  (f.siteStatus.incident !== null || ['minor', 'major', 'critical'].includes(f.siteStatus.indicator));

/**
 * The crowd's CDN radar names an outage this page belongs to: the vendor as a whole, or the page's own colo. An origin
 * error counts only at the colo, where a wave of them points at the CDN's path to origins.
 */
export const radarNamesOutage = (f: Facts) => {
  if (f.radar === null) return false;
  const coloDown = f.radar.coloState === 'outage';
  if (f.page.kind === 'origin-error') return coloDown;
  return (
    (f.page.kind === 'edge-error' || f.page.kind === 'challenge-failed') && (f.radar.state === 'outage' || coloDown)
  );
};

/** The radar sees more failing sites than usual on this CDN, short of an outage: it adds weight, decides nothing. */
export const radarElevated = (f: Facts) =>
  f.radar !== null && (f.radar.state === 'elevated' || f.radar.coloState === 'elevated');
