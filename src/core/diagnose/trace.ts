/**
 * Cloudflare's `/cdn-cgi/trace`: plain `key=value` lines served by the edge itself on any proxied host. An answer
 * proves the edge is alive; `colo` names it, and `warp`/`gateway` say whether Cloudflare's own VPN or DNS filter
 * sits in the person's path (a Gateway policy can be what blocks the challenge).
 */
export interface TraceFacts {
  colo: string | null;
  warp: boolean;
  gateway: boolean;
}

const MAX_TRACE_CHARS = 4096;

/** @returns null when the body is not a trace (HTML, JSON, empty): an answer that is not a trace proves nothing. */
export function parseTrace(body: string): TraceFacts | null {
  const fields = new Map<string, string>();
  for (const line of body.slice(0, MAX_TRACE_CHARS).split('\n')) {
    const match = /^([a-z_]{1,20})=(.{0,300})$/.exec(line.trim());
    if (match) fields.set(match[1]!, match[2]!);
  }
  if (!fields.has('fl') || !(fields.has('colo') || fields.has('h'))) return null;
  const colo = fields.get('colo') ?? '';
  return {
    colo: /^[A-Z]{3}$/.test(colo) ? colo : null,
    warp: fields.get('warp') === 'on' || fields.get('warp') === 'plus',
    gateway: fields.get('gateway') === 'on',
  };
}
