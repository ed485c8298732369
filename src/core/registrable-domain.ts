/**
 * The registrable domain (eTLD+1) of a host, by the Public Suffix List with its private section, so each
 * `user.github.io` counts as a site of its own. Everything that groups hosts into sites (correlation, status pages,
 * peer reports) asks here, so they agree on what "the same site" is.
 */
import { parse } from 'tldts';

const OPTIONS = { allowPrivateDomains: true };
/** RFC 8375's names for home networks: on the Public Suffix List's ICANN section, yet never a public site. */
const HOME_NETWORK = 'home.arpa';

/**
 * The host's registrable domain, or the host itself when it has none (an IP address, `localhost`).
 * @example registrableDomain('www.musinsa.co.kr') // 'musinsa.co.kr'
 */
export function registrableDomain(host: string): string {
  return parse(host, OPTIONS).domain ?? host;
}

/**
 * The registrable domain peer reports are about, or null for hosts that must never leave the browser even hashed:
 * IP addresses, single-label and intranet names (`printer.local`, `corp.internal`, `nas.home.arpa`), anything without
 * a public suffix. The site's own status page (`status.<site>`) is asked only for these names, too.
 * @example publicSiteOf('www.musinsa.co.kr') // 'musinsa.co.kr'
 */
export function publicSiteOf(host: string): string | null {
  const parsed = parse(host, OPTIONS);
  if (parsed.isIp || !(parsed.isIcann || parsed.isPrivate) || parsed.publicSuffix === HOME_NETWORK) return null;
  return parsed.domain;
}
