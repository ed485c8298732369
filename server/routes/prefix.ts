import { sValidator } from '@hono/standard-validator';
import { Hono } from 'hono';
import { prefixNumber } from '../../src/core/peer/host-hash.ts';
import { PrefixParamSchema } from '../../src/core/peer/wire.ts';
import type { ResolvedDeps } from '../app.ts';
import { buildPrefixBody } from '../prefix-body.ts';
import { fail } from '../respond.ts';
import { describeIssues } from './validation.ts';

/** `GET /v1/prefix/{4 hex}`: every active host in the bucket, padded to a fixed size; the client matches locally. */
export function prefixRoutes(deps: ResolvedDeps): Hono {
  return new Hono().get(
    '/:prefix',
    sValidator('param', PrefixParamSchema, (result, c) => {
      if (!result.success) return fail(c, 400, 'bad_request', describeIssues(result.error));
    }),
    async (c) => {
      const { prefix } = c.req.valid('param');
      const minute = Math.floor(deps.now() / 60_000);
      let hosts;
      try {
        hosts = await deps.store.readPrefix(prefixNumber(prefix), minute);
      } catch (error) {
        console.error('[server] prefix read failed', error);
        return fail(c, 503, 'unavailable', 'could not read reports; retry later');
      }
      const body = buildPrefixBody(prefix, minute, hosts, deps.randomHex);
      // Counts move per minute; a shared cache (CDN) in front can absorb repeated lookups of the same bucket.
      return c.body(body, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=30' });
    },
  );
}
