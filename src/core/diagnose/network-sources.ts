/**
 * The sources that speak to a page that never arrived: whether this network reaches the internet at all, and whether
 * public DNS knows the host.
 */
import type { Fetch } from '../fetch.ts';
import type { NetworkErrorCategory } from '../network/network-error.ts';
import type { ProbeConfig } from './probe-config.ts';
import { probeDoh, probeReachable } from './probes.ts';
import { SourceTimedOut } from './run-source.ts';

interface NetworkSourceDeps {
  fetch: Fetch;
  config: ProbeConfig;
}

/**
 * Network errors where the site's own servers may be down, which its status page can confirm: the connection was
 * refused, timed out or was reset. Not DNS (public DNS is asked instead, and status.<site> would not resolve either),
 * not offline (this network is down), not TLS (a certificate error is the site's configuration or something in this
 * network intercepting TLS; a status page speaks to neither, and the lookup would cross the same interceptor), and
 * not an error we cannot place.
 */
export const SITE_DOWN_ERRORS = new Set<NetworkErrorCategory | null>(['refused', 'timeout', 'reset']);

/** Any of the two reachability checks answering is enough to say the network works. */
export async function checkConnectivity(deps: NetworkSourceDeps, signal: AbortSignal) {
  const results = await Promise.allSettled(
    deps.config.connectivityUrls.map((url) => probeReachable(deps.fetch, url, signal)),
  );
  const ok = results.filter((r) => r.status === 'fulfilled' && r.value).length;
  const counts = { ok, failed: results.length - ok };
  // None answered because time ran out: that is a timeout (with its 0-of-N kept), not a clean "all failed".
  if (ok === 0 && signal.aborted) throw new SourceTimedOut('no connectivity check answered in time', counts);
  return counts;
}

export async function lookupDoh(deps: NetworkSourceDeps, host: string, signal: AbortSignal) {
  const answers = await Promise.allSettled(deps.config.dohUrls.map((url) => probeDoh(deps.fetch, url, host, signal)));
  const values = answers.map((a) => (a.status === 'fulfilled' ? a.value : null));
  if (values.includes('resolves')) return 'resolves' as const;
  if (values.length > 0 && values.every((v) => v === 'nxdomain')) return 'nxdomain' as const;
  throw new Error('no DoH provider gave a usable answer');
}
