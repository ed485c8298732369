// Every outside host the extension itself may call (connectivity checks, CDN control hosts, DNS-over-HTTPS, vendor
// status pages), read from the extension's own config so this list cannot drift. The browsers map all of them to
// the fakes: verdicts must not depend on whether the test machine has internet access.
import { DEFAULT_PROBE_CONFIG } from '../../../src/core/diagnose/probe-config.ts';
import { VENDOR_STATUS_ORIGINS } from '../../../src/core/status/vendors.ts';

const { connectivityUrls, controlUrls, dohUrls } = DEFAULT_PROBE_CONFIG;

export const EGRESS_HOSTS = [
  ...new Set(
    [...connectivityUrls, ...Object.values(controlUrls), ...dohUrls, ...VENDOR_STATUS_ORIGINS].map(
      (u) => new URL(u).hostname,
    ),
  ),
];

const CONNECTIVITY_PATHS = new Set(connectivityUrls.map((u) => new URL(u).pathname));
const DOH_PATHS = new Set(dohUrls.map((u) => new URL(u).pathname));

/** A documentation address (RFC 5737): public DNS "knows" the name, though nothing here would answer on it. */
const RESOLVED_ADDRESS = '198.51.100.7';

/**
 * Answers for the probe endpoints, or null when `pathname` is not one. Connectivity works, every control host
 * answers, and DoH says what the scenario's world says (`doh`) about `name`: NXDOMAIN, or one A record. It is only
 * asked after the browser's own lookup failed, as for .invalid.
 * @param {string} host @param {string} pathname @param {string | undefined} colo the answering data centre
 * @param {{ doh?: 'nxdomain' | 'resolves', name?: string | null }} [dns]
 * @returns {{ status: number, headers: Record<string, string>, body: string } | null}
 */
export function probeAnswer(host, pathname, colo, { doh = 'nxdomain', name = null } = {}) {
  if (CONNECTIVITY_PATHS.has(pathname)) {
    return pathname.endsWith('204')
      ? { status: 204, headers: {}, body: '' }
      : { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Microsoft Connect Test' };
  }
  if (pathname === '/cdn-cgi/trace') {
    const body = `fl=29f1\nh=${host}\nip=203.0.113.7\nts=1795308192.123\nvisit_scheme=https\nuag=Mozilla/5.0\ncolo=${colo}\nsliver=none\nhttp=http/1.1\nloc=KR\ntls=TLSv1.3\nsni=plaintext\nwarp=off\ngateway=off\nrbi=off\nkex=X25519\n`;
    return { status: 200, headers: { 'content-type': 'text/plain', server: 'cloudflare' }, body };
  }
  if (DOH_PATHS.has(pathname)) {
    const question = [{ name: `${name ?? ''}.`, type: 1 }];
    const answer =
      doh === 'resolves'
        ? { Status: 0, Answer: [{ name: `${name ?? ''}.`, type: 1, TTL: 300, data: RESOLVED_ADDRESS }] }
        : { Status: 3, Answer: [] };
    return {
      status: 200,
      headers: { 'content-type': 'application/dns-json' },
      body: JSON.stringify({ TC: false, RD: true, RA: true, AD: false, CD: false, Question: question, ...answer }),
    };
  }
  if (pathname === '/favicon.ico' && EGRESS_HOSTS.includes(host)) {
    return { status: 200, headers: { 'content-type': 'image/x-icon' }, body: '' };
  }
  return null;
}
