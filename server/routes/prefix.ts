import { Hono } from 'hono';
import * as v from 'valibot';
import { prefixNumber } from '../../src/core/peer/host-hash.ts';
import { PrefixParamSchema } from '../../src/core/peer/wire.ts';
import type { AppEnv, ResolvedDeps } from '../app.ts';
import { buildPrefixBody } from '../prefix-body.ts';
import type { HostCounts } from '../store/report-store.ts';
import { describeIssues } from '../../src/core/validation-issues.ts';
import { describeError, fail } from '../respond.ts';

/** The same object every time, so @hono/node-server passes it to writeHead without copying Headers around. */
const PREFIX_HEADERS = {
  'Content-Type': 'application/json',
  // Counts move per minute; a shared cache (CDN) in front can absorb repeated lookups of the same bucket.
  'Cache-Control': 'public, max-age=30',
} as const;

/**
 * `GET /v1/prefix/{4 hex}`: every active host in the bucket, padded to a fixed size; the client matches locally.
 * Served from the in-memory snapshot (server/prefix-snapshot.ts), so counts may be a few seconds old.
 * @example app.route('/v1/prefix', prefixRoutes(deps));
 */
export function prefixRoutes(deps: ResolvedDeps): Hono<AppEnv> {
  const bodies = createBodyCache(deps.prefixCacheEntries);
  return new Hono<AppEnv>().get('/:prefix', async (c) => {
    const param = v.safeParse(PrefixParamSchema, { prefix: c.req.param('prefix') });
    if (!param.success) return fail(c, 400, 'bad_request', describeIssues(param.issues));
    const { prefix } = param.output;
    let bucket: Awaited<ReturnType<typeof deps.snapshot.hostsIn>>;
    try {
      bucket = await deps.snapshot.hostsIn(prefixNumber(prefix));
    } catch (error) {
      console.error('[server] prefix read failed', describeError(error));
      return fail(c, 503, 'unavailable', 'could not read reports; retry later');
    }
    const body = bodies.get(bucket.minute, prefix, bucket.hosts, () =>
      buildPrefixBody(prefix, bucket.minute, bucket.hosts, deps.randomHex),
    );
    return c.body(body, 200, PREFIX_HEADERS);
  });
}

/**
 * Built bodies, as bytes (written to the socket without re-encoding 6 KiB per answer). An entry stays valid while
 * the snapshot hands out the same `hosts` array for its bucket (it does while the bucket's counts are unchanged)
 * within the same minute, so a refresh that changed nothing costs no rebuilds; everything is dropped when the
 * minute turns. Bounded at `maxEntries` × 6 KiB (96 MiB at the default PREFIX_CACHE_ENTRIES); the default holds
 * every bucket a lookup load spread over ~10,000 hosts touches (docs/server.md). Once full it stops adding rather
 * than evicting, because evicting under a spread-out load churns long-lived buffers and the garbage collector then
 * costs more than the builds saved.
 */
function createBodyCache(maxEntries: number) {
  let minute = -1;
  const bodies = new Map<string, { hosts: readonly HostCounts[]; body: Uint8Array<ArrayBuffer> }>();
  return {
    get(
      bucketMinute: number,
      prefix: string,
      hosts: readonly HostCounts[],
      build: () => Uint8Array<ArrayBuffer>,
    ): Uint8Array<ArrayBuffer> {
      if (bucketMinute !== minute) {
        bodies.clear();
        minute = bucketMinute;
      }
      const cached = bodies.get(prefix);
      if (cached?.hosts === hosts) return cached.body;
      const body = build();
      if (cached !== undefined || bodies.size < maxEntries) bodies.set(prefix, { hosts, body });
      return body;
    },
  };
}
