import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { RADAR_VENDORS } from '../../src/core/radar/radar-wire.ts';
import type { AppEnv, ResolvedDeps } from '../app.ts';
import type { RadarBodies, RadarBody } from '../radar-bodies.ts';
import { describeError, fail } from '../respond.ts';

/** The radar moves per minute; a shared cache in front may absorb repeated reads for about as long as a refresh. */
const CACHE_CONTROL = 'public, max-age=30';
const VendorParamSchema = v.picklist(RADAR_VENDORS);

/** True when the client already holds this body: `If-None-Match` lists its tag (weak or strong), or is `*`. */
function isFresh(c: Context, body: RadarBody): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === body.etag);
}

function answer(c: Context, body: RadarBody): Response {
  const headers = { ETag: body.etag, 'Cache-Control': CACHE_CONTROL };
  if (isFresh(c, body)) return c.body(null, 304, headers);
  return c.body(body.bytes, 200, { ...headers, 'Content-Type': 'application/json' });
}

/**
 * `GET /v1/cdn`: every CDN's radar state, compact. `GET /v1/cdn/{vendor}`: one CDN's published colos and its last
 * hour. Both are served from the in-memory radar (app.ts), so they are at most a refresh old.
 * @example app.route('/v1/cdn', cdnRoutes(deps));
 */
export function cdnRoutes(deps: ResolvedDeps): Hono<AppEnv> {
  async function withRadar(c: Context, pick: (bodies: RadarBodies) => RadarBody | undefined): Promise<Response> {
    let bodies: RadarBodies;
    try {
      bodies = await deps.radar.get();
    } catch (error) {
      console.error('[server] radar read failed', describeError(error));
      return fail(c, 503, 'unavailable', 'could not read reports; retry later');
    }
    const body = pick(bodies);
    return body ? answer(c, body) : fail(c, 404, 'not_found', 'no such vendor');
  }

  return new Hono<AppEnv>()
    .get('/', (c) => withRadar(c, (bodies) => bodies.summary))
    .get('/:vendor', (c) => {
      const vendor = v.safeParse(VendorParamSchema, c.req.param('vendor'));
      if (!vendor.success) return fail(c, 404, 'not_found', 'no such vendor');
      return withRadar(c, (bodies) => bodies.details.get(vendor.output));
    });
}
