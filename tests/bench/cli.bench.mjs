// `npm run bench:cli`: how long the CLI takes, wall clock from spawn to exit, p50 over RUNS runs (after one warm-up
// that also builds the bundle if the sources changed). Three cases: `classify` on a small page, `check` of a normal
// page on a loopback fake, and `check` of a failing page whose every other host (status page, trace, control,
// connectivity) accepts the connection and never answers. Each runs through `node src/cli/launch.mjs`, and `classify`
// also through `npm run --silent` (npm's own start-up included). Wall p50 is printed against its budget with the load
// average, next to the CPU time used (bash's `times`, Linux). Not asserted: timed tests are flaky, budgets are read
// by people.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.RUNS ?? 20);
const run = promisify(execFile);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-bench-cli-'));

const SMALL_PAGE = path.join(TMP, 'nginx-502.html');
fs.writeFileSync(
  SMALL_PAGE,
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>',
);
const NORMAL_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Your account</title></head>
<body><main><h1>Your account</h1><p>Orders, addresses and payment methods.</p></main></body></html>`;
const CF_522 = `<html><head><title>shop.test | 522: Connection timed out</title></head><body><div id="cf-wrapper">
<div id="cf-error-details"><span class="code-label">Error code 522</span><div id="cf-browser-status"></div>
<div id="cf-cloudflare-status"></div><div id="cf-host-status" class="cf-error-source"></div>
<span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6789</strong></span></div></div></body></html>`;

/** The site: a normal page on /ok, Cloudflare's 522 elsewhere; its /cdn-cgi/trace hangs like every other host. */
const site = http.createServer((req, res) => {
  if (req.url === '/cdn-cgi/trace') return;
  if (req.url === '/ok') return res.writeHead(200, { 'content-type': 'text/html' }).end(NORMAL_PAGE);
  res.writeHead(522, { 'content-type': 'text/html', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-ICN' });
  res.end(CF_522);
});
/** Every other host: takes the connection (and the TLS ClientHello) and never says a word. */
const sockets = new Set();
const hang = net.createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => undefined);
});
await Promise.all([site, hang].map((s) => new Promise((r) => s.listen(0, '127.0.0.1', r))));
const portOf = (server) => server.address().port;
const HANGING = [
  'www.cloudflarestatus.com',
  'status.shop.test',
  'www.cloudflare.com',
  'www.gstatic.com',
  'www.msftconnecttest.com',
  'cloudflare-dns.com',
  'dns.google',
];
const resolve = [
  `shop.test=127.0.0.1:${portOf(site)}`,
  ...HANGING.map((host) => `${host}=127.0.0.1:${portOf(hang)}`),
].flatMap((r) => ['--resolve', r]);

const launcher = (command, ...args) => [process.execPath, ['src/cli/launch.mjs', command, ...args]];
const CASES = [
  {
    name: 'classify, small page (node)',
    budgetMs: 600,
    cmd: launcher('classify', SMALL_PAGE, '--url', 'https://shop.test/', '--status', '502'),
  },
  {
    name: 'classify, small page (npm run)',
    budgetMs: 600,
    cmd: ['npm', ['run', '--silent', 'classify', '--', SMALL_PAGE, '--url', 'https://shop.test/', '--status', '502']],
  },
  // As a person would check a site: no test switches, so Node's own fetch (see src/cli/node-fetch.ts).
  {
    name: 'check, normal loopback page',
    budgetMs: 1000,
    cmd: launcher('check', `http://127.0.0.1:${portOf(site)}/ok`),
  },
  {
    // Each source is bounded at 3 s and the verdict is due within about 3.5 s; the process must end with it.
    name: 'check, every other host hangs',
    budgetMs: 4000,
    cmd: launcher('check', 'http://shop.test/cart', ...resolve),
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
/** bash's `times`: the second line is the CPU its children used, `0m0.274s 0m0.088s` (user, system). */
const cpuMsOf = (times) => {
  const [user = 0, system = 0] = [...(times.trim().split('\n')[1] ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => (Number(m[1]) * 60 + Number(m[2])) * 1000,
  );
  return user + system;
};
/**
 * One run, through bash so that `times` can report the CPU the command and its children used: on a machine that
 * other jobs keep busy, wall time mostly measures the wait for a core, and CPU time says what the command costs.
 */
async function timeOnce([cmd, args]) {
  const start = performance.now();
  const { stdout, stderr } = await run('bash', ['-c', '"$@"; code=$?; times >&2; exit $code', 'bash', cmd, ...args], {
    cwd: ROOT,
    timeout: 60_000,
  });
  return { ms: performance.now() - start, cpuMs: cpuMsOf(stderr), stdout };
}

console.log(`bench:cli on ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs per case`);
try {
  for (const c of CASES) {
    const warm = await timeOnce(c.cmd);
    const firstLine = warm.stdout.split('\n').find((l) => l.trim()) ?? '';
    const samples = [];
    const load = os.loadavg()[0];
    for (let i = 0; i < RUNS; i++) samples.push(await timeOnce(c.cmd));
    const p50 = median(samples.map((s) => s.ms));
    const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;
    console.log(
      `${c.name.padEnd(31)} wall p50 ${ms(p50)}  min ${ms(Math.min(...samples.map((s) => s.ms)))}` +
        `  cpu p50 ${ms(median(samples.map((s) => s.cpuMs)))}  budget ${c.budgetMs} ms` +
        `  ratio ${(p50 / c.budgetMs).toFixed(2)}  load ${load.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`,
    );
    console.log(`  answer: ${firstLine.slice(0, 110)}`);
  }
} finally {
  for (const socket of sockets) socket.destroy();
  site.close();
  hang.close();
  fs.rmSync(TMP, { recursive: true, force: true });
}
