/**
 * The peer-report HTTP app. Builds routes from injected dependencies and never listens or reads the environment
 * (server/index.ts does both), so tests drive it in process with `app.request()`.
 */
import { hash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { applyCors } from './cors.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createNetworkKeyer } from './network-key.ts';
import { createPrefixSnapshot, type PrefixSnapshot } from './prefix-snapshot.ts';
import { buildRadar } from '../src/core/radar/radar-view.ts';
import { buildRadarBodies, type RadarBodies } from './radar-bodies.ts';
import { createRefreshingValue, type RefreshingValue } from './refreshing-value.ts';
import { createRandomHex } from './random-hex.ts';
import { DEFAULT_CONFIG, rateLimitOf, SNAPSHOT_MAX_AGE_MS } from './config.ts';
import { createSaltedRateLimiter, type SaltedRateLimiter } from './rate-limit.ts';
import { codeForStatus, describeError, fail } from './respond.ts';
import { healthRoutes } from './routes/health.ts';
import { openapiRoutes } from './routes/openapi.ts';
import { cdnRoutes } from './routes/cdn.ts';
import { prefixRoutes } from './routes/prefix.ts';
import { RADAR_PAGE_DIR, radarPageRoutes } from './radar-page-route.ts';
import { reportRoutes } from './routes/reports.ts';
import { createBatchWriter, scheduleBatch, type BatchWriter } from './store/batch-writer.ts';
import type { BucketReport, ReportStore } from './store/report-store.ts';

export interface AppDeps {
  store: ReportStore;
  /** Defaults to a group-commit writer over `store` (batch defaults in config.ts); pass one to drain it on shutdown. */
  writer?: BatchWriter<BucketReport, boolean>;
  limiter?: SaltedRateLimiter;
  metrics?: Metrics;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** The address to rate-limit by; defaults to the socket's peer address. */
  clientIp?: (c: Context) => string;
  randomHex?: (chars: number) => string;
  /** How old the lookup snapshot may get before a refresh (default SNAPSHOT_MAX_AGE_MS; 0 reads through, for tests). */
  snapshotMaxAgeMs?: number;
  /** Most prefix answers kept built (6 KiB each); default PREFIX_CACHE_ENTRIES in config.ts. */
  prefixCacheEntries?: number;
  /** The built public radar page served at `/`; default dist/radar-page. */
  radarPageDir?: string;
}

/** Under @hono/node-server the Node request and response are in `c.env`; under `app.request()` they are not. */
export type AppEnv = { Bindings: Partial<HttpBindings> };

export type ResolvedDeps = Required<Omit<AppDeps, 'snapshotMaxAgeMs' | 'radarPageDir'>> & {
  snapshot: PrefixSnapshot;
  /** The CDN radar's responses, rebuilt from the store as often as the lookup snapshot. */
  radar: RefreshingValue<RadarBodies>;
  /** 16-byte hex hash of clientId + host: all the dedupe table ever sees. */
  dedupeKey: (clientId: string, hostHash: string) => string;
  /** 8-byte hex salted key of the client's network: all the store learns of where a report came from. */
  networkKey: (address: string) => string;
};

/**
 * @example
 * const app = createApp({ store: await createReportStore(await openPgliteClient()) });
 * const response = await app.request('/v1/prefix/abcd');
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const now = deps.now ?? Date.now;
  const snapshotMaxAgeMs = deps.snapshotMaxAgeMs ?? SNAPSHOT_MAX_AGE_MS;
  const refreshEvery = {
    now,
    maxAgeMs: snapshotMaxAgeMs,
    // A minute of stale answers rides out a database blip; read-through (0) never serves stale.
    staleLimitMs: snapshotMaxAgeMs === 0 ? 0 : Math.max(60_000, 12 * snapshotMaxAgeMs),
  };
  const resolved: ResolvedDeps = {
    store: deps.store,
    writer:
      deps.writer ??
      createBatchWriter({
        commit: (reports) => deps.store.commitReports(reports),
        maxItems: DEFAULT_CONFIG.BATCH_MAX_ITEMS,
        maxWaitMs: DEFAULT_CONFIG.BATCH_MAX_WAIT_MS,
        maxInFlight: DEFAULT_CONFIG.BATCH_MAX_IN_FLIGHT,
        schedule: scheduleBatch,
      }),
    limiter: deps.limiter ?? createSaltedRateLimiter({ ...rateLimitOf(DEFAULT_CONFIG), now }),
    metrics: deps.metrics ?? createMetrics({ withProcessMetrics: false }),
    now,
    clientIp:
      deps.clientIp ?? ((c) => (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'local'),
    randomHex: deps.randomHex ?? createRandomHex(),
    prefixCacheEntries: deps.prefixCacheEntries ?? DEFAULT_CONFIG.PREFIX_CACHE_ENTRIES,
    snapshot: createPrefixSnapshot({
      readActive: (minute) => deps.store.readActive(minute),
      ...refreshEvery,
      onError: (error) => console.error('[server] snapshot refresh failed', describeError(error)),
    }),
    radar: createRefreshingValue({
      async load() {
        const minute = Math.floor(now() / 60_000);
        const { sightings, baseline } = await deps.store.readRadar(minute);
        return buildRadarBodies(buildRadar(sightings, baseline, minute));
      },
      ...refreshEvery,
      onError: (error) => console.error('[server] radar refresh failed', describeError(error)),
    }),
    // One-shot crypto.hash: no Hash object per request.
    dedupeKey: (clientId, hostHash) => hash('sha256', `${clientId}|${hostHash}`, 'hex').slice(0, 32),
    networkKey: createNetworkKeyer({ rotateMs: 24 * 60 * 60 * 1000, now }),
  };

  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const startedAt = performance.now();
    await next();
    resolved.metrics.observeRequest(c.req.routePath, c.res.status, (performance.now() - startedAt) / 1000);
  });
  // CORS and the rate limit in one middleware: each Hono middleware layer costs a few µs per request (bench:server).
  // Preflights are answered before the limit, as browsers send them on their own.
  app.use('/v1/*', async (c, next) => {
    const preflight = applyCors(c);
    if (preflight) return preflight;
    const decision = resolved.limiter.take(resolved.clientIp(c), c.env?.incoming?.socket);
    if (!decision.ok) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
      return fail(c, 429, 'rate_limited', 'too many requests');
    }
    await next();
  });

  app.route('/v1/reports', reportRoutes(resolved));
  app.route('/v1/prefix', prefixRoutes(resolved));
  app.route('/v1/cdn', cdnRoutes(resolved));
  app.route('/', healthRoutes(resolved));
  app.route('/', openapiRoutes());
  app.route('/', radarPageRoutes(deps.radarPageDir ?? RADAR_PAGE_DIR));

  app.notFound((c) => fail(c, 404, 'not_found', 'no such route'));
  app.onError((error, c) => {
    // Malformed JSON, bad Content-Type and similar arrive as HTTPExceptions: they are the client's fault.
    if (error instanceof HTTPException && error.status < 500) {
      return fail(c, error.status, codeForStatus(error.status), error.message || 'bad request');
    }
    console.error('[server] unhandled', describeError(error));
    return fail(c, 500, 'internal', 'internal error');
  });
  return app;
}
