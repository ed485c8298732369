import type { Context } from 'hono';
import type { AppEnv } from './app.ts';
import { requestHeader } from './read-json.ts';

/** Chrome ids are 32 letters a–p; Firefox uses a per-profile UUID. Nothing else gets CORS. */
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/**
 * CORS for extension origins only: answers a preflight (the returned response), or sets the headers of the response
 * to come and returns null. Not hono/cors, because that one appends `Vary` after the handler, which forces
 * @hono/node-server off its fast response path (prefix lookups then run at about a sixth of the rate); and a
 * function rather than a middleware of its own, so `/v1` pays for one middleware layer, not two (app.ts).
 * @example const preflight = applyCors(c); if (preflight) return preflight;
 */
export function applyCors(c: Context<AppEnv>): Response | null {
  const origin = requestHeader(c, 'origin');
  const isAllowed = origin !== undefined && EXTENSION_ORIGIN.test(origin);
  if (c.req.method === 'OPTIONS') {
    const headers: Record<string, string> = { Vary: 'Origin' };
    if (isAllowed) {
      headers['Access-Control-Allow-Origin'] = origin;
      headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
      headers['Access-Control-Allow-Headers'] = 'Content-Type';
      headers['Access-Control-Max-Age'] = '86400';
    }
    return c.body(null, 204, headers);
  }
  c.header('Vary', 'Origin');
  if (isAllowed) c.header('Access-Control-Allow-Origin', origin);
  return null;
}
