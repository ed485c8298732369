/**
 * `npm run bench:verdict`: time to verdict (p50/p95) with every source on loopback, the bound with every source
 * hanging, the bytes a diagnosis moves with a cold and a warm status cache, and (settled-verdict.ts) the time from a
 * failing page's first reading to its settled verdict and to its notification. Runs the real core through the
 * Node fetch the `check` CLI uses; only the hosts are local.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decide } from '../../src/core/diagnose/decide.ts';
import { gatherFacts, type GatherDeps } from '../../src/core/diagnose/gather.ts';
import { DEFAULT_PROBE_CONFIG } from '../../src/core/diagnose/probe-config.ts';
import type { PageFacts } from '../../src/core/diagnose/types.ts';
import { createStatusFetcher } from '../../src/core/status/fetch-status.ts';
import { statusSourcesFor } from '../../src/core/status/vendors.ts';
import { createNodeFetch } from '../../src/cli/node-fetch.ts';
import { printSettling } from './settled-verdict.ts';

const RUNS = 200;
const HANG_RUNS = 3;

/** A status summary about the size of Cloudflare's real one (~340 data centres), so byte counts are realistic. */
function bigSummary(): string {
  const components = Array.from({ length: 340 }, (_, i) => ({
    id: `c${i}`,
    name: `City ${i}, Country - (${String.fromCharCode(65 + (i % 26), 65 + ((i / 26) % 26), 65 + ((i / 676) % 26))})`,
    status: 'operational',
    created_at: '2014-01-01T00:00:00Z',
    updated_at: '2025-11-18T11:00:00Z',
    position: i,
    description: null,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: 'p',
    group: false,
    only_show_if_degraded: false,
  }));
  return JSON.stringify({
    page: {
      id: 'p',
      name: 'Cloudflare',
      url: 'https://www.cloudflarestatus.com',
      time_zone: 'Etc/UTC',
      updated_at: '2025-11-18T11:00:00Z',
    },
    status: { indicator: 'none', description: 'All Systems Operational' },
    components,
    incidents: [],
    scheduled_maintenances: [],
  });
}

let bytesOut = 0;
let hang = false;
const summary = bigSummary();
function handle(req: IncomingMessage, res: ServerResponse) {
  if (hang) return; // never answers: the hanging-sources case
  const send = (status: number, body: string, headers: Record<string, string> = {}) => {
    bytesOut += Buffer.byteLength(body) + 200; // + a rough header size
    res.writeHead(status, headers).end(body);
  };
  if (req.url?.startsWith('/api/v2/summary.json')) {
    if (req.headers['if-none-match'] === '"v1"') return send(304, '');
    return send(200, summary, { 'content-type': 'application/json', etag: '"v1"' });
  }
  if (req.url === '/cdn-cgi/trace')
    return send(200, 'fl=1\nh=shop.test\ncolo=ICN\nwarp=off\ngateway=off\n', { server: 'cloudflare' });
  return send(522, '<html><title>shop.test | 522: Connection timed out</title></html>', {
    server: 'cloudflare',
    'cf-ray': '8a1b2c3d4e5f6789-ICN',
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const resolve = new Map([
    ['shop.test', { ip: '127.0.0.1', port }],
    ['status.test', { ip: '127.0.0.1', port }],
  ]);
  const fetch = createNodeFetch({ resolve, insecure: false });
  const timeout = (ms: number) => AbortSignal.timeout(ms);
  const page: PageFacts = {
    kind: 'origin-error',
    vendor: 'cloudflare',
    colo: 'ICN',
    code: 522,
    unconfirmed: false,
    network: null,
  };
  const config = { ...DEFAULT_PROBE_CONFIG, controlUrls: { cloudflare: 'http://shop.test/cdn-cgi/trace' } };

  const diagnose = async (statuses: ReturnType<typeof createStatusFetcher>) => {
    const deps: GatherDeps = {
      fetch,
      config,
      now: () => performance.now(),
      timeout,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      vendorStatus: (vendor) =>
        statuses.get(statusSourcesFor(vendor, { baseUrls: { cloudflare: 'http://status.test' } })[0]!),
      correlation: async () => ({ hosts: 1, sameColo: false }),
    };
    const started = performance.now();
    const verdict = decide(await gatherFacts(deps, 'http://shop.test/cart', page), Date.now());
    return { ms: performance.now() - started, verdict };
  };

  // Bytes: one cold diagnosis (empty cache), then one warm (cache fresh), then one revalidating (304).
  const statuses = createStatusFetcher({ fetch, now: Date.now, timeout });
  bytesOut = 0;
  await diagnose(statuses);
  const cold = bytesOut;
  bytesOut = 0;
  await diagnose(statuses);
  const warm = bytesOut;
  const stale = createStatusFetcher({ fetch, now: Date.now, timeout, ttlMs: 0 });
  await diagnose(stale);
  bytesOut = 0;
  await diagnose(stale);
  const revalidated = bytesOut;

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++)
    times.push((await diagnose(createStatusFetcher({ fetch, now: Date.now, timeout }))).ms);
  times.sort((a, b) => a - b);

  hang = true;
  const hanging: number[] = [];
  let lastRule = '';
  for (let i = 0; i < HANG_RUNS; i++) {
    const { ms, verdict } = await diagnose(createStatusFetcher({ fetch, now: Date.now, timeout }));
    hanging.push(ms);
    lastRule = `${verdict.culprit}/${verdict.rule}, timed out: ${Object.entries(verdict.sources)
      .filter(([, s]) => s.state === 'timeout')
      .map(([n]) => n)
      .join(', ')}`;
  }
  server.closeAllConnections();
  server.close();

  const row = (label: string, value: string, target: string) =>
    console.log(`${label.padEnd(44)} ${value.padStart(12)}   ${target}`);
  console.log(`time to verdict, ${RUNS} runs, loopback sources (cold status cache each run)`);
  row(
    'p50',
    `${percentile(times, 50).toFixed(1)} ms`,
    `target ≤ 300 ms  (${(percentile(times, 50) / 300).toFixed(2)}× of budget)`,
  );
  row('p95', `${percentile(times, 95).toFixed(1)} ms`, '');
  row(
    `every source hanging (max of ${HANG_RUNS})`,
    `${Math.max(...hanging).toFixed(0)} ms`,
    `target ≤ 4000 ms  (${(Math.max(...hanging) / 4000).toFixed(2)}× of budget)`,
  );
  console.log(`  verdict while hanging: ${lastRule}`);
  console.log('bytes served per diagnosis (bodies + ~200 B headers per response)');
  row('cold status cache', `${cold} B`, '');
  row('warm status cache (within 60 s)', `${warm} B`, `${(warm / cold).toFixed(2)}× of cold`);
  row('stale cache, revalidated with ETag (304)', `${revalidated} B`, `${(revalidated / cold).toFixed(2)}× of cold`);
  await printSettling(row);
}

void main();
