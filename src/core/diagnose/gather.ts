/**
 * Gathers the facts for one failing page: every source that can speak to what the page showed runs at once, each
 * under its own bound, and the diagnosis returns when the slowest is done or out of time (≈ timeoutMs + grace).
 */
import type { Vendor } from '../detect/types.ts';
import type { SourceResult } from '../status/types.ts';
import type { ProbeConfig } from './probe-config.ts';
import { probeDoh, probeOrigin, probeReachable, probeTrace, type Fetch } from './probes.ts';
import { runSource, skipped, SourceSkipped, type SourceClock, type SourceOutcome } from './run-source.ts';
import { registrableDomain } from './correlation.ts';
import { toSiteStatusFacts, toVendorStatusFacts } from './status-facts.ts';
import type { CorrelationFacts, Facts, PageFacts, PeerFacts, SourceName, SourceState } from './types.ts';
import type { TraceFacts } from './trace.ts';

export interface GatherDeps extends SourceClock {
  fetch: Fetch;
  config: ProbeConfig;
  /** The vendor's status, through the shared cached fetcher. */
  vendorStatus: (vendor: Vendor, signal: AbortSignal) => Promise<SourceResult>;
  /** Other sites failing the same way just now (local history). */
  correlation: () => Promise<CorrelationFacts>;
  /** The site's own status page, by registrable domain; resolves `skipped` when the site has none we know. */
  siteStatus?: (site: string, signal: AbortSignal) => Promise<SourceResult>;
  /** Peer reports for the host; absent while the person has not opted in. */
  peers?: (host: string, signal: AbortSignal) => Promise<PeerFacts | null>;
}

const SERVER_SIDE = new Set<PageFacts['kind']>(['origin-error', 'edge-error', 'site-config', 'challenge-failed']);

/** Any of the two reachability checks answering is enough to say the network works. */
async function checkConnectivity(deps: GatherDeps, signal: AbortSignal) {
  const results = await Promise.allSettled(deps.config.connectivityUrls.map((url) => probeReachable(deps.fetch, url, signal)));
  const ok = results.filter((r) => r.status === 'fulfilled' && r.value).length;
  return { ok, failed: results.length - ok };
}

async function lookupDoh(deps: GatherDeps, host: string, signal: AbortSignal) {
  const answers = await Promise.allSettled(deps.config.dohUrls.map((url) => probeDoh(deps.fetch, url, host, signal)));
  const values = answers.map((a) => (a.status === 'fulfilled' ? a.value : null));
  if (values.includes('resolves')) return 'resolves' as const;
  if (values.length > 0 && values.every((v) => v === 'nxdomain')) return 'nxdomain' as const;
  throw new Error('no DoH provider gave a usable answer');
}

export async function gatherFacts(deps: GatherDeps, url: string, page: PageFacts): Promise<Facts> {
  const { host, origin } = new URL(url);
  const vendor = page.vendor;
  const serverSide = SERVER_SIDE.has(page.kind) && !page.unconfirmed;
  const networkError = page.kind === 'network-error';
  const run = <T>(enabled: boolean, why: string, task: (signal: AbortSignal) => Promise<T>): Promise<SourceOutcome<T>> =>
    enabled ? runSource(deps, deps.config.timeoutMs, task) : Promise.resolve(skipped(why));

  const okOrThrow = (result: SourceResult) => {
    if (result.state === 'skipped') throw new SourceSkipped(result.reason);
    if (result.state !== 'ok') throw new Error(`${result.state}: ${result.reason}`);
    return result.status;
  };

  const [status, siteStatus, originProbe, trace, control, connectivity, doh, correlation, peers] = await Promise.all([
    run(serverSide && vendor !== null, 'no CDN status applies', async (signal) => {
      const result = okOrThrow(await deps.vendorStatus(vendor!, signal));
      return toVendorStatusFacts(result, page.kind === 'network-error' ? 'none' : page.kind, page.colo);
    }),
    run((serverSide || (networkError && page.network !== 'dns')) && deps.siteStatus !== undefined, 'no site status page to ask', async (signal) =>
      toSiteStatusFacts(okOrThrow(await deps.siteStatus!(registrableDomain(host), signal)))),
    run(serverSide, 'not a server-side failure', (signal) => probeOrigin(deps.fetch, url, signal)),
    run((serverSide || page.kind === 'blocked') && vendor === 'cloudflare', 'not a Cloudflare page', (signal) => probeTrace(deps.fetch, origin, signal)),
    run(serverSide && vendor !== null && deps.config.controlUrls[vendor] !== undefined, 'no control host for this CDN', (signal) =>
      probeReachable(deps.fetch, deps.config.controlUrls[vendor!]!, signal)),
    run(networkError, 'the page arrived', (signal) => checkConnectivity(deps, signal)),
    run(networkError && page.network === 'dns', 'no DNS error', (signal) => lookupDoh(deps, host, signal)),
    run(serverSide, 'nothing to correlate', () => deps.correlation()),
    deps.peers
      ? run(serverSide || networkError, 'nothing failed', (signal) => deps.peers!(host, signal))
      : Promise.resolve(skipped('peer reports are off')),
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
    sources,
  };
}
