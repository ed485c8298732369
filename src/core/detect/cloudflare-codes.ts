import { kindOfClientStatus } from './status-kinds.ts';
import type { DetectionKind } from './types.ts';

/**
 * Cloudflare error numbers → who is at fault. Sources: Cloudflare docs "Troubleshooting Cloudflare 1XXX/5XX errors".
 * Site-owner problems (DNS, tunnels, plan limits) are `site-config`; rules aimed at the visitor are `blocked`; Workers
 * are the site's own code, so their crashes are `origin-error`.
 */
const CODE_KINDS: ReadonlyArray<readonly [DetectionKind, readonly number[]]> = [
  ['blocked', [1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1015, 1020, 1106]],
  // 1013 (HTTP host / SNI mismatch) is usually a local proxy or the owner's TLS setup; neither is the CDN's fault.
  ['site-config', [1000, 1001, 1002, 1003, 1004, 1013, 1014, 1016, 1018, 1023, 1025, 1027, 1033, 1034, 530]],
  // 1200: the edge queued too many requests for a slow origin.
  ['origin-error', [1019, 1101, 1102, 1200, 520, 521, 522, 523, 524, 525, 526, 527]],
];

/** Where the 5xx status diagram put the red "Error" marker. */
export type ErrorSource = 'browser' | 'cloudflare' | 'host' | null;

const SOURCE_IDS: Readonly<Record<string, ErrorSource>> = {
  'cf-browser-status': 'browser',
  'cf-cloudflare-status': 'cloudflare',
  'cf-host-status': 'host',
};

/** Maps the id of the `.cf-error-source` box to the party it names. */
export function toErrorSource(id: string | null): ErrorSource {
  return (id && SOURCE_IDS[id]) || null;
}

/**
 * Kind for a Cloudflare-generated page showing `code`.
 * The marked box wins for 500–504: Cloudflare marks itself when its own proxy failed (18 Nov 2025) and the host
 * otherwise. Branded 500/502/503/504 without a marked Cloudflare box mean the origin returned that status.
 * @example kindOfCloudflareCode(522, 'host') // 'origin-error'
 */
export function kindOfCloudflareCode(code: number | null, source: ErrorSource): DetectionKind | null {
  if (source === 'cloudflare') return 'edge-error';
  if (source === 'host') return 'origin-error';
  if (code === null) return null;
  for (const [kind, codes] of CODE_KINDS) {
    if (codes.includes(code)) return kind;
  }
  // Unlisted 1xxx numbers (1035–1041 rewrite-rule errors and newer ones) are zone configuration.
  if (code >= 1000) return 'site-config';
  if (code >= 500) return 'origin-error';
  if (code === 409) return 'site-config';
  return kindOfClientStatus(code);
}
