/**
 * Part of `npm run bench:verdict`: from a failing page's first reading to its settled verdict, and to its
 * notification. Runs the background's own pipeline (tab events, merge rule, the diagnoser over the real core and a
 * Node fetch to loopback fakes, the verdict life cycle with real timers) and the real notification policy; the
 * browser is played by the bench: the header event at 0, the page's report `readAfterMs` later, as a content script
 * at document_idle sends it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTabPipeline } from '../../src/background/tab-pipeline.ts';
import { createNodeFetch } from '../../src/cli/node-fetch.ts';
import type { PageMarkers } from '../../src/core/detect/types.ts';
import { DEFAULT_PROBE_CONFIG } from '../../src/core/diagnose/probe-config.ts';
import type { Verdict } from '../../src/core/diagnose/types.ts';
import { decideNotification } from '../../src/core/notify/policy.ts';
import { createStatusFetcher } from '../../src/core/status/fetch-status.ts';
import { statusSourcesFor } from '../../src/core/status/vendors.ts';
import { somePageMarkers } from '../support/builders.ts';
import { memoryStorage } from '../support/memory-storage.ts';

interface Case {
  name: string;
  /** What the site answers: a Cloudflare 522 (the origin's failure) or its branded 500 (Cloudflare's own). */
  page: '522' | 'branded-500' | 'refused';
  /** When the page's report follows the header event; null when it never does. */
  readAfterMs: number | null;
}

interface Run {
  settledMs: number | null;
  notifiedMs: number | null;
  /** Notifications whose words are not the settled verdict's (the header-only "site is down" of a CDN failure). */
  wrongNotifications: number;
}

const CF = { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-ICN' };
const MARKERS: Record<'522' | 'branded-500', PageMarkers> = {
  '522': somePageMarkers(),
  'branded-500': somePageMarkers({ title: 'x | 500: Internal server error', errorSourceId: 'cf-cloudflare-status' }),
};
const SUMMARY = JSON.stringify({
  page: { id: 'p', name: 'Cloudflare', url: 'https://www.cloudflarestatus.com', updated_at: '2025-11-18T11:00:00Z' },
  status: { indicator: 'none', description: 'All Systems Operational' },
  components: [],
  incidents: [],
  scheduled_maintenances: [],
});

function answer(req: IncomingMessage, res: ServerResponse) {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (req.url?.startsWith('/api/v2/summary.json'))
    return res.writeHead(200, { 'content-type': 'application/json' }).end(SUMMARY);
  if (req.url === '/cdn-cgi/trace') return res.writeHead(200, CF).end('fl=1\ncolo=ICN\nwarp=off\n');
  if (host.startsWith('news')) return res.writeHead(500, CF).end('<title>x | 500: Internal server error</title>');
  if (host.startsWith('shop')) return res.writeHead(522, CF).end('<title>x | 522: Connection timed out</title>');
  return res.writeHead(204).end();
}

const hostFor = (c: Case, i: number) => `${c.page === 'branded-500' ? 'news' : 'shop'}-${i}.test`;

async function startFakes(runs: number) {
  const server = createServer(answer);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const names = ['status.test', 'control.test', 'connect.test', ...Array.from({ length: runs }, (_, i) => i)]
    .flatMap((n) => (typeof n === 'number' ? [`shop-${n}.test`, `news-${n}.test`] : [n]))
    .map((name) => [name, { ip: '127.0.0.1', port }] as const);
  const fetch = createNodeFetch({ resolve: new Map(names), insecure: false });
  const stop = () => {
    server.closeAllConnections();
    server.close();
  };
  return { fetch, stop };
}

/** One page's life in a fresh background (its own storage, so no run correlates with another). */
async function runOnce(fetch: ReturnType<typeof createNodeFetch>, c: Case, i: number): Promise<Run> {
  const statuses = createStatusFetcher({ fetch, now: Date.now, timeout: (ms) => AbortSignal.timeout(ms) });
  const t0 = performance.now();
  const run: Run = { settledMs: null, notifiedMs: null, wrongNotifications: 0 };
  const notify = (verdict: Verdict, host: string, settled: Verdict | null) => {
    const decision = decideNotification({
      verdict,
      host,
      unconfirmed: false,
      seen: true,
      mode: 'errors',
      sent: {},
      now: Date.now(),
    });
    if (!decision.notify) return;
    run.notifiedMs ??= performance.now() - t0;
    if (settled && settled.headline.key !== verdict.headline.key) run.wrongNotifications++;
  };
  const config = {
    ...DEFAULT_PROBE_CONFIG,
    controlUrls: { cloudflare: 'http://control.test/cdn-cgi/trace' },
    connectivityUrls: ['http://connect.test/generate_204'],
    dohUrls: [],
  };
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((r) => (settle = r));
  const { events } = createTabPipeline({
    storage: memoryStorage(),
    now: Date.now,
    diagnosis: {
      fetch,
      config,
      timeout: (ms) => AbortSignal.timeout(ms),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      vendorStatus: (vendor) =>
        statuses.get(statusSourcesFor(vendor, { baseUrls: { cloudflare: 'http://status.test' } })[0]!),
    },
    draw: async () => undefined,
    schedule: (ms, task) => void setTimeout(task, ms),
    onSettled: async (_tabId, verdict, state) => {
      run.settledMs ??= performance.now() - t0;
      notify(verdict, state.host, verdict);
      settle();
    },
  });

  const host = hostFor(c, i);
  const url = `http://${host}/`;
  const startedAt = Date.now();
  if (c.page === 'refused') {
    await events.onMainFrameError({ tabId: 1, url, error: 'net::ERR_CONNECTION_REFUSED', timeStamp: Date.now() });
  } else {
    const status = c.page === '522' ? 522 : 500;
    const headers = Object.entries(CF).map(([name, value]) => ({ name, value }));
    await events.onMainFrameHeaders({
      tabId: 1,
      url,
      statusCode: status,
      timeStamp: Date.now(),
      responseHeaders: headers,
    });
    if (c.readAfterMs !== null) {
      await new Promise((r) => setTimeout(r, c.readAfterMs!));
      const document = { startedAt: startedAt - 20, shownAt: Date.now() };
      await events.onPageReport(1, url, { markers: MARKERS[c.page], status, sequence: 0, document });
    }
  }
  await Promise.race([settled, new Promise((r) => setTimeout(r, 10_000))]);
  return run;
}

const CASES: Array<{ label: string; page: Case['page']; read: (i: number) => number | null; runs: number }> = [
  {
    label: 'Cloudflare 522, page read 50/150/400 ms after its headers',
    page: '522',
    read: (i) => [50, 150, 400][i % 3]!,
    runs: 30,
  },
  {
    label: 'Cloudflare branded 500, page read 50/150/400 ms after',
    page: 'branded-500',
    read: (i) => [50, 150, 400][i % 3]!,
    runs: 30,
  },
  { label: 'connection refused (no page to read)', page: 'refused', read: () => null, runs: 30 },
  { label: 'Cloudflare 522, the page never reports', page: '522', read: () => null, runs: 10 },
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(0)} ms`);

/** Prints, per case, first reading → settled verdict and → notification, p50 / p95. */
export async function printSettling(row: (label: string, value: string, note: string) => void): Promise<void> {
  const { fetch, stop } = await startFakes(Math.max(...CASES.map((c) => c.runs)));
  try {
    console.log('first reading to settled verdict, and to its notification (p50 / p95), a fresh background per run');
    for (const c of CASES) {
      const runs: Run[] = [];
      // A page that never reports waits the whole bound: those runs go in parallel, the others one at a time.
      if (c.page === '522' && c.read(0) === null)
        runs.push(
          ...(await Promise.all(
            Array.from({ length: c.runs }, (_, i) =>
              runOnce(fetch, { name: c.label, page: c.page, readAfterMs: null }, i),
            ),
          )),
        );
      else
        for (let i = 0; i < c.runs; i++)
          runs.push(await runOnce(fetch, { name: c.label, page: c.page, readAfterMs: c.read(i) }, i));
      const settled = runs.flatMap((r) => (r.settledMs === null ? [] : [r.settledMs]));
      const notified = runs.flatMap((r) => (r.notifiedMs === null ? [] : [r.notifiedMs]));
      const wrong = runs.reduce((n, r) => n + r.wrongNotifications, 0);
      console.log(`  ${c.label} (${c.runs} runs)`);
      row(
        '    first reading to settled verdict',
        `${ms(percentile(settled, 50))} / ${ms(percentile(settled, 95))}`,
        `${settled.length} of ${c.runs} settled`,
      );
      row(
        '    time to notification',
        `${ms(percentile(notified, 50))} / ${ms(percentile(notified, 95))}`,
        `${notified.length} notified, ${wrong} wrong`,
      );
    }
  } finally {
    stop();
  }
}
