/**
 * What local correlation counts as one site: a key an attacker cannot multiply cheaply. A registrable domain under an
 * ICANN suffix costs a registration; a name under a private suffix (`a.pages.dev`, `b.workers.dev`) or a subdomain
 * costs nothing, so those collapse to the ICANN registrable domain (`pages.dev`). IP literals, intranet names and
 * names outside the ICANN list (free to mint, or nobody else's site at all) have no key and never count.
 * Status pages and peer reports group hosts differently, private suffixes as sites of their own
 * (../registrable-domain.ts).
 */
import { parse } from 'tldts';

/** ICANN-listed suffixes that are special-use, not public sites: reverse DNS and `home.arpa`, Tor's free names. */
const SPECIAL_USE = /(^|\.)(arpa|onion)$/;

export interface CorrelationKeyOptions {
  /**
   * Top-level labels to treat as public although no registry lists them. Only the E2E build sets one, so its fake
   * sites under `.test` correlate as real ones would; production passes none.
   */
  publicTlds?: readonly string[];
}

/** Lowercase, no port, no IPv6 brackets, no trailing dot: the forms of one host name a URL or a header may carry. */
function bareHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(lower);
  if (bracketed) return bracketed[1]!;
  // More than one colon and no brackets: a bare IPv6 literal, whose colons are not a port.
  const unported = (lower.match(/:/g)?.length ?? 0) > 1 ? lower : lower.replace(/:\d*$/, '');
  return unported.replace(/\.+$/, '');
}

/**
 * The counting key for a host, or null when the host never counts.
 * @example correlationKey('shop.a.pages.dev') // 'pages.dev'
 * @example correlationKey('WWW.Musinsa.co.kr.:443') // 'musinsa.co.kr'
 * @example correlationKey('192.168.0.1') // null
 */
export function correlationKey(host: string, options: CorrelationKeyOptions = {}): string | null {
  const name = bareHost(host);
  const parsed = parse(name, { allowPrivateDomains: false, extractHostname: false });
  if (parsed.isIp) return null;
  const labels = name.split('.');
  if (labels.length >= 2 && labels.every(Boolean) && options.publicTlds?.includes(labels.at(-1)!))
    return labels.slice(-2).join('.');
  if (!parsed.isIcann || parsed.domain === null || SPECIAL_USE.test(parsed.domain)) return null;
  return parsed.domain;
}
