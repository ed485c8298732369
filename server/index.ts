/**
 * Entry point: the only file that reads the environment and listens. `npm run server`.
 */
import { createApp } from './app.ts';
import { clientAddressOf } from './client-address.ts';
import { connectionLimitsOf, parseConfig, rateLimitOf } from './config.ts';
import { listen } from './listen.ts';
import { createMetricsApp } from './metrics-app.ts';
import { createMetrics } from './metrics.ts';
import { describeError } from './respond.ts';
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
const app = createApp({
  store,
  writer,
  metrics,
  limiter: createSaltedRateLimiter({ ...rateLimitOf(config), now: Date.now }),
  clientIp: clientAddressOf(config.TRUST_PROXY === '1'),
  prefixCacheEntries: config.PREFIX_CACHE_ENTRIES,
});
const stopRetention = startRetention({ store, keepDays: config.RETENTION_DAYS, intervalMs: 3_600_000, now: Date.now });

const limits = connectionLimitsOf(config);
const server = listen(app, { port: config.PORT, hostname: config.HOST }, limits, (port) => {
  console.log(`[server] listening on http://${config.HOST}:${port} (${backend})`);
});
// Its own listener, so no path on the public one reaches it; the scraper is one client, so no per-network cap.
const metricsServer = listen(
  createMetricsApp(metrics),
  { port: config.METRICS_PORT, hostname: config.METRICS_HOST },
  { ...limits, maxConnections: 64, maxConnectionsPerNetwork: 0 },
  (port) => console.log(`[server] metrics on http://${config.METRICS_HOST}:${port}/metrics`),
);
// Metrics are for operators: a taken port (a second instance on the host) must not stop reports being served.
metricsServer.on('error', (error) => console.error('[server] metrics listener failed', describeError(error)));

let isShuttingDown = false;
async function shutDown(signal: string): Promise<void> {
  if (isShuttingDown) return;
  isShuttingDown = true;
  console.log(`[server] ${signal}: draining`);
  stopRetention();
  metricsServer.close();
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
