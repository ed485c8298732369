import { sValidator } from '@hono/standard-validator';
import { Hono } from 'hono';
import { prefixNumber } from '../../src/core/peer/host-hash.ts';
import { PrefixParamSchema } from '../../src/core/peer/wire.ts';
import type { ResolvedDeps } from '../app.ts';
import { buildPrefixBody } from '../prefix-body.ts';
import { describeError, fail } from '../respond.ts';
import { describeIssues } from './validation.ts';

/**
 * `GET /v1/prefix/{4 hex}`: every active host in the bucket, padded to a fixed size; the client matches locally.
 * Served from the in-memory snapshot (server/prefix-snapshot.ts), so counts may be a few seconds old.
 * @example app.route('/v1/prefix', prefixRoutes(deps));
 */
export function prefixRoutes(deps: ResolvedDeps): Hono {
  const bodies = createBodyCache(4096);
  return new Hono().get(
    '/:prefix',
    sValidator('param', PrefixParamSchema, (result, c) => {
      if (!result.success) return fail(c, 400, 'bad_request', describeIssues(result.error));
    }),
    async (c) => {
      const { prefix } = c.req.valid('param');
      let bucket;
      try {
        bucket = await deps.snapshot.hostsIn(prefixNumber(prefix));
      } catch (error) {
        console.error('[server] prefix read failed', describeError(error));
        return fail(c, 503, 'unavailable', 'could not read reports; retry later');
      }
      const body = bodies.get(bucket.version, prefix, () => buildPrefixBody(prefix, bucket.minute, bucket.hosts, deps.randomHex));
      // Counts move per minute; a shared cache (CDN) in front can absorb repeated lookups of the same bucket.
      return c.body(body, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=30' });
    },
  );
}

/**
 * Bodies built from one snapshot, reused until the next: a bucket being looked up by everyone whose site is down
 * costs one build per refresh. Bounded at `maxEntries` (× 6 KiB); once full it stops adding rather than evicting,
 * because evicting under a spread-out load churns long-lived 6 KiB strings through the old generation and the
 * garbage collector then costs more than the builds it saves. Emptied when the snapshot changes.
 */
function createBodyCache(maxEntries: number) {
  let version = -1;
  const bodies = new Map<string, string>();
  return {
    get(snapshotVersion: number, prefix: string, build: () => string): string {
      if (snapshotVersion !== version) {
        bodies.clear();
        version = snapshotVersion;
      }
      let body = bodies.get(prefix);
      if (body === undefined) {
        body = build();
        if (bodies.size < maxEntries) bodies.set(prefix, body);
      }
      return body;
    },
  };
}
