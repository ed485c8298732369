/**
 * `npm run bench:server`: throughput and latency of the peer-report service on loopback, with autocannon.
 * For each backend (PGlite always; PostgreSQL when DATABASE_URL is set, which the npm script arranges through
 * tests/tools/postgres.mjs): bare GET/POST in the same process, then report writes and prefix lookups, then p99 as
 * stored buckets grow 10^4 → 10^6. Also bare routes on Fastify for the framework comparison. Prints tables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { REPORT_KINDS, REPORT_VENDORS } from '../../src/core/peer/wire.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const GROWTH_SECONDS = Number(process.env.BENCH_GROWTH_SECONDS ?? 3);
const GROWTH_ROWS = [10_000, 100_000, 1_000_000];

interface Row {
  backend: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  note: string;
}
const rows: Row[] = [];

async function startTarget(mode: 'app' | 'fastify', env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/server-target.ts', mode], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stopTarget(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A pool of hosts like the seeded ones, so lookups and writes land on real rows. */
function hostHash(index: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(index);
  return createHash('sha256').update(bytes).digest('hex');
}
const HOSTS = Array.from({ length: 10_000 }, (_, index) => hostHash(index));
const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
let clientSeq = 0;

function reportJson(): string {
  clientSeq++;
  return JSON.stringify({
    hostHash: pick(HOSTS),
    kind: pick(REPORT_KINDS),
    vendor: pick(REPORT_VENDORS),
    colo: 'FRA',
    code: 522,
    clientId: `bench-${process.pid}-${clientSeq}-xxxxxxxxxxxx`,
  });
}

type Scenario = 'bare GET' | 'bare GET 6 KiB' | 'bare POST' | 'report POST' | 'prefix GET';

async function measure(base: string, scenario: Scenario, seconds: number): Promise<Omit<Row, 'backend' | 'note'>> {
  const isPost = scenario.endsWith('POST');
  const path =
    scenario === 'bare GET 6 KiB' ? '/bare-6k' : scenario.startsWith('bare') ? '/bare' : isPost ? '/v1/reports' : '/v1/prefix/0000';
  const result = await autocannon({
    url: base + path,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: isPost ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          if (isPost) request.body = reportJson();
          if (scenario === 'prefix GET') request.path = `/v1/prefix/${pick(HOSTS).slice(0, 4)}`;
          return request;
        },
      },
    ],
  });
  return {
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Mean reports per write batch since the previous call, from the target's own metrics. */
async function meanBatchSince(base: string, previous: { sum: number; count: number }): Promise<string> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const read = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  const sum = read('culprit_batch_size_sum');
  const count = read('culprit_batch_size_count');
  const mean = (sum - previous.sum) / Math.max(1, count - previous.count);
  previous.sum = sum;
  previous.count = count;
  return `mean batch ${mean.toFixed(1)}`;
}

async function benchBackend(backend: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { child, base } = await startTarget('app', env);
  try {
    // Warm-up (JIT, PGlite's WASM tiers, connection pool), not reported.
    await measure(base, 'report POST', 1);
    await measure(base, 'prefix GET', 1);
    const batches = { sum: 0, count: 0 };
    await meanBatchSince(base, batches);
    const bareGet = await measure(base, 'bare GET', SECONDS);
    const bareGetPadded = await measure(base, 'bare GET 6 KiB', SECONDS);
    const barePost = await measure(base, 'bare POST', SECONDS);
    const writes = await measure(base, 'report POST', SECONDS);
    const writeBatches = await meanBatchSince(base, batches);
    const lookups = await measure(base, 'prefix GET', SECONDS);
    rows.push({ backend, ...bareGet, note: 'Hono, same process' });
    rows.push({ backend, ...bareGetPadded, note: 'Hono, same process, body the size of a prefix answer' });
    rows.push({ backend, ...barePost, note: 'Hono, same process' });
    rows.push({ backend, ...writes, note: `${(writes.rps / barePost.rps).toFixed(2)}× bare POST (target ≥ 0.6), ${writeBatches}` });
    const padRatio = (lookups.rps / bareGetPadded.rps).toFixed(2);
    rows.push({ backend, ...lookups, note: `${(lookups.rps / bareGet.rps).toFixed(2)}× bare GET (target ≥ 0.6), ${padRatio}× bare GET 6 KiB` });
    for (const target of GROWTH_ROWS) {
      // Let the last write batches commit: TRUNCATE would deadlock against them on PostgreSQL.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const seeded = await fetch(`${base}/bench/seed?rows=${target}`, { method: 'POST' });
      const { data } = (await seeded.json()) as { data: { rows: number; bytes: number } };
      const sizeNote = `${data.rows.toLocaleString('en')} buckets, ${(data.bytes / 2 ** 20).toFixed(0)} MiB (${Math.round(data.bytes / data.rows)} B/bucket)`;
      rows.push({ backend, ...(await measure(base, 'prefix GET', GROWTH_SECONDS)), note: sizeNote });
      await meanBatchSince(base, batches);
      const growthWrites = await measure(base, 'report POST', GROWTH_SECONDS);
      rows.push({ backend, ...growthWrites, note: `${sizeNote}, ${await meanBatchSince(base, batches)}` });
    }
  } finally {
    await stopTarget(child);
  }
}

const startedAt = Date.now();
// The figures only mean something next to how busy the machine was: print the load average before and after.
const loadBefore = loadavg()[0]!.toFixed(2);
if (process.env.BENCH_ONLY === undefined) {
  const fastify = await startTarget('fastify', process.env);
  for (const scenario of ['bare GET', 'bare POST'] as const) {
    rows.push({ backend: 'none', ...(await measure(fastify.base, scenario, SECONDS)), note: 'Fastify, for comparison' });
  }
  await stopTarget(fastify.child);
}

const { DATABASE_URL: databaseUrl, ...withoutDatabase } = process.env;
// BENCH_ONLY=pglite|postgres runs one backend, for tuning.
if (process.env.BENCH_ONLY !== 'postgres') await benchBackend('PGlite', withoutDatabase);
if (databaseUrl && process.env.BENCH_ONLY !== 'pglite') await benchBackend('PostgreSQL', process.env);
else console.log('PostgreSQL skipped: DATABASE_URL not set (npm run bench:server sets it when PostgreSQL is installed)');

console.log(`\n${CONNECTIONS} connections, loopback, ${SECONDS} s per run (${GROWTH_SECONDS} s for growth rows); latency in ms\n`);
console.log('| backend | scenario | req/s | p50 | p99 | errors | note |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const row of rows) {
  const p99Flag = row.scenario.startsWith('bare') || row.p99 <= 25 ? '' : ' (p99 over 25 ms)';
  console.log(`| ${row.backend} | ${row.scenario} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.note}${p99Flag} |`);
}
console.log(`\ntotal ${Math.round((Date.now() - startedAt) / 1000)} s; ${cpus().length} CPUs; 1-min load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after`);
