/**
 * `npm run bench:server`: throughput and latency of the peer-report service on loopback, with autocannon.
 * For each backend (PGlite always; PostgreSQL when DATABASE_URL is set, which the npm script arranges through
 * tests/tools/postgres.mjs): bare GET/POST in the same process, then report writes and prefix lookups, then p99 as
 * stored buckets grow 10^4 → 10^6. Also bare routes on Fastify for the framework comparison. Prints tables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { combine, measure, ratio, type Measured, type Row, type Scenario } from './server-measure.ts';

// Each main scenario runs ROUNDS times, interleaved (bare routes, writes, lookups, the radar, then again),
// so a burst of other work on the shared machine lands on every scenario alike; ratios are taken per round.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const GROWTH_SECONDS = Number(process.env.BENCH_GROWTH_SECONDS ?? 3);
const GROWTH_ROWS = [10_000, 100_000, 1_000_000];

const rows: Row[] = [];

async function startTarget(
  mode: 'app' | 'fastify',
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; base: string }> {
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
    const scenarios: Scenario[] = [
      'bare GET',
      'bare GET 6 KiB',
      'bare GET radar size',
      'bare POST',
      'report POST',
      'prefix GET',
      'radar GET',
    ];
    const results = new Map<Scenario, Measured[]>(scenarios.map((scenario) => [scenario, []]));
    let batchNote = '';
    for (let round = 0; round < ROUNDS; round++) {
      for (const scenario of scenarios) {
        if (scenario === 'report POST') await meanBatchSince(base, batches);
        results.get(scenario)!.push(await measure(base, scenario, SECONDS, child.pid));
        if (scenario === 'report POST') batchNote = await meanBatchSince(base, batches);
      }
    }
    const of = (scenario: Scenario) => results.get(scenario)!;
    // CPU figures are from the last round (the others would say the same, give or take the noise shown by req/s).
    const cpu = (scenario: Scenario) => of(scenario).at(-1)!.cpu;
    rows.push({ backend, ...combine(of('bare GET')), note: `Hono, same process; ${cpu('bare GET')}` });
    rows.push({
      backend,
      ...combine(of('bare GET 6 KiB')),
      note: `Hono, same process, body the size of a prefix answer; ${cpu('bare GET 6 KiB')}`,
    });
    rows.push({ backend, ...combine(of('bare POST')), note: `Hono, same process; ${cpu('bare POST')}` });
    const writesNote = `${ratio(of('report POST'), of('bare POST'), 'bare POST')} (target ≥ 0.6), ${batchNote} (last round); ${cpu('report POST')}`;
    rows.push({ backend, ...combine(of('report POST')), note: writesNote });
    const lookupsNote = `${ratio(of('prefix GET'), of('bare GET'), 'bare GET')} (target ≥ 0.6), ${ratio(of('prefix GET'), of('bare GET 6 KiB'), 'bare GET 6 KiB')}; ${cpu('prefix GET')}`;
    rows.push({ backend, ...combine(of('prefix GET')), note: lookupsNote });
    const radarNote = `${ratio(of('radar GET'), of('bare GET radar size'), 'a bare GET of the same size')}; ${cpu('radar GET')}`;
    rows.push({ backend, ...combine(of('radar GET')), note: radarNote });
    for (const target of GROWTH_ROWS) {
      // Let the last write batches commit: TRUNCATE would deadlock against them on PostgreSQL.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const seeded = await fetch(`${base}/bench/seed?rows=${target}`, { method: 'POST' });
      const { data } = (await seeded.json()) as { data: { rows: number; bytes: number } };
      const sizeNote = `${data.rows.toLocaleString('en')} buckets, ${(data.bytes / 2 ** 20).toFixed(0)} MiB (${Math.round(data.bytes / data.rows)} B/bucket)`;
      rows.push({ backend, ...(await measure(base, 'prefix GET', GROWTH_SECONDS, child.pid)), note: sizeNote });
      await meanBatchSince(base, batches);
      const growthWrites = await measure(base, 'report POST', GROWTH_SECONDS, child.pid);
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
    const measured = await measure(fastify.base, scenario, SECONDS, fastify.child.pid);
    rows.push({ backend: 'none', ...combine([measured]), note: `Fastify, for comparison; ${measured.cpu}` });
  }
  await stopTarget(fastify.child);
}

const { DATABASE_URL: databaseUrl, ...withoutDatabase } = process.env;
// BENCH_ONLY=pglite|postgres runs one backend, for tuning.
if (process.env.BENCH_ONLY !== 'postgres') await benchBackend('PGlite', withoutDatabase);
if (databaseUrl && process.env.BENCH_ONLY !== 'pglite') await benchBackend('PostgreSQL', process.env);
else
  console.log('PostgreSQL skipped: DATABASE_URL not set (npm run bench:server sets it when PostgreSQL is installed)');

console.log(
  `\n50 connections, loopback, ${ROUNDS} interleaved rounds × ${SECONDS} s (median req/s and p50, worst p99; growth rows one ${GROWTH_SECONDS} s run); latency in ms\n`,
);
console.log('| backend | scenario | req/s | p50 | p99 | errors | note |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const row of rows) {
  const p99Flag = row.scenario.startsWith('bare') || row.p99 <= 25 ? '' : ' (p99 over 25 ms)';
  console.log(
    `| ${row.backend} | ${row.scenario} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.note}${p99Flag} |`,
  );
}
console.log(
  `\ntotal ${Math.round((Date.now() - startedAt) / 1000)} s; ${cpus().length} CPUs; 1-min load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after`,
);
