/**
 * Which detection kinds an outage of a named status component would explain.
 * Names are matched after normalising case, spacing and `&`/`and`, because vendors rename
 * components ("CDN/Cache", "CDN / Cache", "Cdn & Cache") more often than they change meaning.
 */
import type { DetectionKind } from '../detect/types.ts';

interface Rule {
  pattern: RegExp;
  explains: DetectionKind[];
}

const CHALLENGE: DetectionKind[] = ['challenge', 'challenge-failed'];

/**
 * Anchored where a loose match would be wrong: "CDN Cache Purge" does not break serving,
 * "DNS Firewall" and "Cloudflare Network Firewall" are not the WAF, "Recursive DNS" (1.1.1.1) is the
 * visitor's resolver rather than the site's zone.
 */
const RULES: readonly Rule[] = [
  {
    pattern: /^(cdn|cache|cdn ?\/ ?cache|cdn and cache|cdn cache|content delivery( network)?)$/,
    explains: ['edge-error'],
  },
  {
    pattern: /^(edge network|edge delivery|edge|network|infrastructure|argo smart routing)$/,
    explains: ['edge-error'],
  },
  {
    pattern: /^(cloud cdn|media cdn|azure cdn|azure front door|front door|amazon cloudfront|cloudfront)\b/,
    explains: ['edge-error'],
  },
  { pattern: /^(cloud load balancing|load balancing( and monitoring)?)$/, explains: ['edge-error', 'origin-error'] },
  { pattern: /challenge|turnstile/, explains: CHALLENGE },
  { pattern: /^(bot management|super bot fight mode|bot fight mode)$/, explains: [...CHALLENGE, 'blocked'] },
  {
    pattern: /^(waf|firewall|web application firewall|rules|cloud armor|next-gen waf)$|\bwaf\b/,
    explains: ['blocked'],
  },
  { pattern: /^(dns|authoritative dns|dns updates|secondary dns|edge dns)$/, explains: ['site-config'] },
  {
    pattern: /^(tunnel|cloudflare tunnel|ssl certificate provisioning|ssl for saas provisioning)$/,
    explains: ['site-config'],
  },
  {
    pattern:
      /^(workers|workers kv|workers assets|pages|durable objects|functions|serverless functions|edge functions|compute)$/,
    explains: ['origin-error'],
  },
];

/** Lower-case, `&` → `and`, collapse whitespace. */
function normaliseComponentName(name: string): string {
  return name.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

/**
 * Detection kinds a component explains, from its name; `[]` when it explains none we classify.
 * @example explainComponent('CDN/Cache') // ['edge-error']
 */
export function explainComponent(name: string): DetectionKind[] {
  const normalised = normaliseComponentName(name);
  const kinds = new Set<DetectionKind>();
  for (const rule of RULES) {
    if (rule.pattern.test(normalised)) for (const kind of rule.explains) kinds.add(kind);
  }
  return [...kinds];
}
