/**
 * Entry point: the only file that reads the environment and listens. `npm run server`.
 */
import { serve } from '@hono/node-server';
import type { Context } from 'hono';
import { createApp } from './app.ts';
import { parseConfig, rateLimitOf } from './config.ts';
import { createMetrics } from './metrics.ts';
import { openStore } from './open-store.ts';
import { createSaltedRateLimiter } from './rate-limit.ts';
import { startRetention } from './retention.ts';
import { createBatchWriter, scheduleBatch } from './store/batch-writer.ts';
import type { BucketReport } from './store/report-store.ts';

const config = parseConfig(process.env);
const { store, backend, maxInFlight } = await openStore({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  poolSize: config.PG_POOL_SIZE,
  maxInFlight: config.BATCH_MAX_IN_FLIGHT,
});
const metrics = createMetrics({ withProcessMetrics: true });
const writer = createBatchWriter<BucketReport, boolean>({
  commit: (reports) => store.commitReports(reports),
  maxItems: config.BATCH_MAX_ITEMS,
  maxWaitMs: config.BATCH_MAX_WAIT_MS,
  maxInFlight,
  schedule: scheduleBatch,
  onCommit: (size, milliseconds, isOk) => metrics.observeBatch(size, milliseconds, isOk),
});
const socketAddress = (c: Context): string => c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
// Behind one load balancer, the last X-Forwarded-For entry is the one it appended, the only one we can trust.
const forwardedAddress = (c: Context): string =>
  c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || socketAddress(c);

const app = createApp({
  store,
  writer,
  metrics,
  limiter: createSaltedRateLimiter({ ...rateLimitOf(config), now: Date.now }),
  clientIp: config.TRUST_PROXY === '1' ? forwardedAddress : socketAddress,
  prefixCacheEntries: config.PREFIX_CACHE_ENTRIES,
});
const stopRetention = startRetention({ store, keepDays: config.RETENTION_DAYS, intervalMs: 3_600_000, now: Date.now });

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`[server] listening on http://${config.HOST}:${info.port} (${backend})`);
});

let isShuttingDown = false;
async function shutDown(signal: string): Promise<void> {
  if (isShuttingDown) return;
  isShuttingDown = true;
  console.log(`[server] ${signal}: draining`);
  stopRetention();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive clients may hold connections open; give in-flight requests a moment, then cut them.
  const forceTimer = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), 5000);
  await closed;
  clearTimeout(forceTimer);
  await writer.drain();
  await store.close();
  console.log('[server] stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutDown('SIGTERM'));
process.on('SIGINT', () => void shutDown('SIGINT'));
