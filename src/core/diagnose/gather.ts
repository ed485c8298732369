/**
 * Gathers the facts for one failing page: every source that can speak to what the page showed runs at once, each
 * under its own bound, and the diagnosis returns when the slowest is done or out of time (≈ timeoutMs + grace).
 * Local correlation alone waits for the re-fetch, since only a failure the re-fetch confirms may enter the log; it
 * reads and writes local storage only, so it adds no remote wait.
 */
import type { Vendor } from '../detect/types.ts';
import type { SourceResult } from '../status/types.ts';
import type { ProbeConfig } from './probe-config.ts';
import type { Fetch } from '../fetch.ts';
import { checkConnectivity, lookupDoh, SITE_DOWN_ERRORS } from './network-sources.ts';
import { probeOrigin, probeReachable, probeTrace } from './probes.ts';
import {
  runSource,
  skipped,
  SourceSkipped,
  SourceTimedOut,
  type SourceClock,
  type SourceOutcome,
} from './run-source.ts';
import { publicSiteOf } from '../registrable-domain.ts';
import { toSiteStatusFacts, toVendorStatusFacts } from './status-facts.ts';
import type { CorrelationFacts, Facts, PageFacts, PeerFacts, ProbeFacts, SourceName, SourceState } from './types.ts';
import type { TraceFacts } from './trace.ts';
import { isRadarVendor, type RadarFacts } from '../radar/radar-client.ts';
import type { RadarVendor } from '../radar/radar-wire.ts';

export interface GatherDeps extends SourceClock {
  fetch: Fetch;
  config: ProbeConfig;
  /** The vendor's status, through the shared cached fetcher. */
  vendorStatus: (vendor: Vendor, signal: AbortSignal) => Promise<SourceResult>;
  /**
   * Other sites failing the same way just now (local history), told what the re-fetch of this page came back with
   * (null when it failed or ran out of time) so it can log this failure only when the re-fetch confirms it.
   */
  correlation: (refetch: ProbeFacts['origin']) => Promise<CorrelationFacts>;
  /** The site's own status page, by registrable domain; resolves `skipped` when the site has none we know. */
  siteStatus?: (site: string, signal: AbortSignal) => Promise<SourceResult>;
  /** Peer reports for the host; absent while the person has not opted in. */
  peers?: (host: string, signal: AbortSignal) => Promise<PeerFacts | null>;
  /** The CDN radar for the page's vendor (and colo); absent while it is off. Names no site. */
  radar?: (vendor: RadarVendor, colo: string | null, signal: AbortSignal) => Promise<RadarFacts>;
}

export interface GatherOptions {
  /**
   * The person pressed "Check this site" on a page that looked fine: ask the site and its CDN as if it had failed.
   * Only for `kind: 'none'`; local correlation and peers stay off, since nothing failed.
   */
  onDemand?: boolean;
  /** Told of each source as it settles; sources that do not apply are told at once, before any request starts. */
  onSource?: (name: SourceName, state: SourceState) => void;
}

const SERVER_SIDE = new Set<PageFacts['kind']>(['origin-error', 'edge-error', 'site-config', 'challenge-failed']);

export async function gatherFacts(
  deps: GatherDeps,
  url: string,
  page: PageFacts,
  options: GatherOptions = {},
): Promise<Facts> {
  const { host, hostname, origin } = new URL(url);
  // Only a public name has a status page of its own to ask; an intranet name or an address must not leave.
  const publicSite = publicSiteOf(hostname);
  const vendor = page.vendor;
  const radarVendor = isRadarVendor(vendor) ? vendor : null;
  const asked = options.onDemand === true && page.kind === 'none';
  const serverSide = (SERVER_SIDE.has(page.kind) && !page.unconfirmed) || asked;
  const networkError = page.kind === 'network-error';
  const run = <T>(
    name: SourceName,
    enabled: boolean,
    why: string,
    task: (signal: AbortSignal) => Promise<T>,
  ): Promise<SourceOutcome<T>> => {
    if (!enabled) {
      options.onSource?.(name, skipped(why).state);
      return Promise.resolve(skipped(why));
    }
    return runSource(deps, deps.config.timeoutMs, task).then((outcome) => {
      options.onSource?.(name, outcome.state);
      return outcome;
    });
  };

  const okOrThrow = (result: SourceResult) => {
    if (result.state === 'skipped') throw new SourceSkipped(result.reason);
    // A joined request may time out on the fetcher's clock just before ours: still a timeout, not a failure.
    if (result.state === 'timeout') throw new SourceTimedOut(result.reason);
    if (result.state !== 'ok') throw new Error(`${result.state}: ${result.reason}`);
    return result.status;
  };

  const refetch = run('origin-probe', serverSide, 'not a server-side failure', (signal) =>
    probeOrigin(deps.fetch, url, signal),
  );
  const [status, siteStatus, originProbe, trace, control, connectivity, doh, correlation, peers, radar] =
    await Promise.all([
      run('vendor-status', serverSide && vendor !== null, 'no CDN status applies', async (signal) => {
        const result = okOrThrow(await deps.vendorStatus(vendor!, signal));
        return toVendorStatusFacts(result, page.kind === 'network-error' ? 'none' : page.kind, page.colo);
      }),
      run(
        'site-status',
        (serverSide || (networkError && SITE_DOWN_ERRORS.has(page.network))) &&
          publicSite !== null &&
          deps.siteStatus !== undefined,
        publicSite === null ? 'not a public site name' : 'no site status page to ask',
        async (signal) => toSiteStatusFacts(okOrThrow(await deps.siteStatus!(publicSite!, signal))),
      ),
      refetch,
      run(
        'trace-probe',
        // A block page names WARP or Gateway in the trace; one only the page claims is Cloudflare's is decided
        // `unconfirmed` whatever the trace says, so its host is not asked.
        (serverSide || (page.kind === 'blocked' && !page.unconfirmed)) && vendor === 'cloudflare',
        'not a Cloudflare page',
        (signal) => probeTrace(deps.fetch, origin, signal),
      ),
      run(
        'control-probe',
        serverSide && vendor !== null && deps.config.controlUrls[vendor] !== undefined,
        'no control host for this CDN',
        (signal) => probeReachable(deps.fetch, deps.config.controlUrls[vendor!]!, signal),
      ),
      run('connectivity', networkError, 'the page arrived', (signal) => checkConnectivity(deps, signal)),
      run('doh', networkError && page.network === 'dns', 'no DNS error', (signal) => lookupDoh(deps, hostname, signal)),
      serverSide && !asked
        ? refetch.then((origin) => run('correlation', true, '', () => deps.correlation(origin.value)))
        : run('correlation', false, 'nothing to correlate', () => deps.correlation(null)),
      run(
        'peers',
        deps.peers !== undefined && (serverSide || networkError) && !asked,
        deps.peers ? 'nothing failed' : 'peer reports are off',
        (signal) => deps.peers!(host, signal),
      ),
      run(
        'radar',
        deps.radar !== undefined && serverSide && !asked && radarVendor !== null,
        deps.radar ? 'no CDN failure to look up' : 'the CDN radar is off',
        (signal) => deps.radar!(radarVendor!, page.colo, signal),
      ),
    ]);

  const sources: Partial<Record<SourceName, SourceState>> = {
    page: { state: 'ok', ms: 0 },
    'vendor-status': status.state,
    'site-status': siteStatus.state,
    'origin-probe': originProbe.state,
    'trace-probe': trace.state,
    'control-probe': control.state,
    connectivity: connectivity.state,
    doh: doh.state,
    correlation: correlation.state,
    peers: peers.state,
    radar: radar.state,
  };
  return {
    host,
    page,
    vendorStatus: status.value,
    siteStatus: siteStatus.value,
    probes: {
      origin: originProbe.value,
      trace: trace.value satisfies TraceFacts | null,
      control: control.value,
      connectivity: connectivity.value ?? { ok: 0, failed: 0 },
      doh: doh.value,
    },
    correlation: correlation.value ?? { hosts: 1, sameColo: false },
    peers: peers.value,
    radar: radar.value,
    sources,
  };
}
