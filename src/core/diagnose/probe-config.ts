/**
 * Where the independent probes go. Real hostnames by default, so a browser or CLI whose resolver maps them to local
 * fakes exercises the real code paths; every entry can be overridden (tests, self-hosters).
 */
import type { Vendor } from '../detect/types.ts';

export interface ProbeConfig {
  /** CDN-independent reachability checks on different providers; only "did an answer come back" is used. */
  connectivityUrls: string[];
  /** A host known to sit on each CDN: if it answers, that CDN works for this person. */
  controlUrls: Partial<Record<Vendor, string>>;
  /** DNS-over-HTTPS JSON endpoints (`?name=&type=A`), used only after the browser reported a DNS error. */
  dohUrls: string[];
  /** Per-request bound; the whole diagnosis is bounded separately. */
  timeoutMs: number;
}

export const DEFAULT_PROBE_CONFIG: ProbeConfig = {
  connectivityUrls: ['https://www.gstatic.com/generate_204', 'https://www.msftconnecttest.com/connecttest.txt'],
  controlUrls: {
    cloudflare: 'https://www.cloudflare.com/cdn-cgi/trace',
    cloudfront: 'https://aws.amazon.com/favicon.ico',
    fastly: 'https://www.fastly.com/favicon.ico',
    akamai: 'https://www.akamai.com/favicon.ico',
    vercel: 'https://vercel.com/favicon.ico',
    netlify: 'https://www.netlify.com/favicon.ico',
  },
  dohUrls: ['https://cloudflare-dns.com/dns-query', 'https://dns.google/resolve'],
  timeoutMs: 3000,
};
