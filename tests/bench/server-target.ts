/**
 * A server process for server.bench.ts. `app`: the real app (PGlite in a temp dir, or PostgreSQL via DATABASE_URL)
 * plus bare GET/POST routes in the same process, and a seeding route; `fastify`: bare routes on Fastify, for comparison.
 * Prints `ready <port>` when listening. Never run in production.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import Fastify from 'fastify';
import { createApp } from '../../server/app.ts';
import { createMetricsApp } from '../../server/metrics-app.ts';
import { createMetrics } from '../../server/metrics.ts';
import { openStore } from '../../server/open-store.ts';
import { DEFAULT_CONFIG, rateLimitOf } from '../../server/config.ts';
import { createSaltedRateLimiter } from '../../server/rate-limit.ts';
import { createBatchWriter, scheduleBatch } from '../../server/store/batch-writer.ts';
import type { BucketReport } from '../../server/store/report-store.ts';
import { PREFIX_RESPONSE_BYTES } from '../../src/core/peer/wire.ts';

const BARE_BODY = { ok: true, data: { status: 'ok' } };

if (process.argv[2] === 'fastify') {
  const fastify = Fastify();
  fastify.get('/bare', async () => BARE_BODY);
  fastify.post('/bare', async (request, reply) => {
    reply.code(202);
    return { ok: true, data: request.body };
  });
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = fastify.server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
} else {
  const { store, sql, maxInFlight } = await openStore({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: mkdtempSync(join(tmpdir(), 'culprit-bench-')),
    poolSize: 10,
  });
  // BENCH_WAL_SYNC_METHOD=open_datasync: how PostgreSQL flushes WAL at commit (still durable; pg_test_fsync picks
  // the fastest for a disk). Changes the throwaway bench cluster only; the bench prints what it ran with.
  const walSyncMethod = process.env.BENCH_WAL_SYNC_METHOD;
  if (process.env.DATABASE_URL && walSyncMethod) {
    if (!/^[a-z_]+$/.test(walSyncMethod)) throw new Error('BENCH_WAL_SYNC_METHOD: expected a wal_sync_method name');
    await sql.exec(`ALTER SYSTEM SET wal_sync_method = '${walSyncMethod}'`);
    await sql.exec('SELECT pg_reload_conf()');
  }
  if (process.env.DATABASE_URL) {
    const [setting] = await sql.query<{ wal_sync_method: string }>('SHOW wal_sync_method');
    console.error(`[bench] PostgreSQL wal_sync_method = ${setting?.wal_sync_method}, synchronous_commit = on`);
  }
  const metrics = createMetrics({ withProcessMetrics: true });
  const writer = createBatchWriter<BucketReport, boolean>({
    // BENCH_NOOP_COMMIT=1 acknowledges without the database, to separate HTTP + route cost from commit cost.
    commit:
      process.env.BENCH_NOOP_COMMIT === '1'
        ? (reports) => new Promise((resolve) => setImmediate(() => resolve(reports.map(() => true))))
        : (reports) => store.commitReports(reports),
    maxItems: DEFAULT_CONFIG.BATCH_MAX_ITEMS,
    // Overridable to tune the writer: BENCH_MAX_WAIT_MS=5 BENCH_MAX_IN_FLIGHT=2 npm run bench:server
    maxWaitMs: Number(process.env.BENCH_MAX_WAIT_MS ?? DEFAULT_CONFIG.BATCH_MAX_WAIT_MS),
    maxInFlight: Number(process.env.BENCH_MAX_IN_FLIGHT ?? maxInFlight),
    schedule: scheduleBatch,
    onCommit: (size, milliseconds, isOk) => metrics.observeBatch(size, milliseconds, isOk),
  });
  const app = createApp({
    store,
    writer,
    metrics,
    // Still on the request path, so its cost is measured; the limit is just out of autocannon's reach.
    limiter: createSaltedRateLimiter({
      ...rateLimitOf(DEFAULT_CONFIG),
      capacity: 1e9,
      refillPerSecond: 1e9,
      now: Date.now,
    }),
  });
  // The bench reads batch sizes from the metrics, which production serves on a listener of its own.
  app.route('/', createMetricsApp(metrics));
  app.get('/bare', (c) => c.json(BARE_BODY));
  const padded = JSON.stringify({ ...BARE_BODY, pad: ' '.repeat(PREFIX_RESPONSE_BYTES - 50) });
  app.get('/bare-6k', (c) => c.body(padded, 200, { 'Content-Type': 'application/json' }));
  app.post('/bare', async (c) => c.json({ ok: true, data: await c.req.json() }, 202));
  // A bare answer as long as the radar's summary: made once from the app's own /v1/cdn, so the ratio compares like
  // with like whatever the summary's size.
  let radarSized: string | null = null;
  app.get('/bare-radar', async (c) => {
    radarSized ??= ' '.repeat((await (await app.request('/v1/cdn')).text()).length);
    return c.body(radarSized, 200, { 'Content-Type': 'application/json' });
  });
  // Seeds `rows` buckets: rows/100 hosts (sha256 of the host number), 100 minutes each, spread over 8 days.
  // Hosts then span all 65,536 prefixes; the lookups in server.bench.ts pick prefixes of these hosts.
  app.post('/bench/seed', async (c) => {
    const rows = Number(c.req.query('rows'));
    const now = Math.floor(Date.now() / 60_000);
    await sql.exec('TRUNCATE report_buckets, report_dedupe, report_networks, radar_sightings');
    await sql.query(
      `INSERT INTO report_buckets (prefix, minute, host_hash, kind, vendor, colo, count)
       SELECT get_byte(h, 0) * 256 + get_byte(h, 1), $1::int - ((j * 113 + i * 7) % 11520), h, 'edge-error', 'cloudflare', '', 1 + (i + j) % 3
       FROM generate_series(0, $2::int - 1) AS i
       CROSS JOIN LATERAL (SELECT sha256(int4send(i)) AS h) AS hashed
       CROSS JOIN generate_series(0, 99) AS j
       ORDER BY 2`, // in time order, as real traffic arrives (this is what the BRIN index on minute relies on)
      [now, Math.ceil(rows / 100)],
    );
    await sql.exec('ANALYZE report_buckets');
    const [size] = await sql.query<{ rows: number; bytes: number }>(
      `SELECT count(*)::int AS rows, pg_total_relation_size('report_buckets')::float8 AS bytes FROM report_buckets`,
    );
    return c.json({ ok: true, data: size });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    console.log(`ready ${info.port}`),
  );
  process.on('SIGTERM', () => {
    server.close();
    void writer
      .drain()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
