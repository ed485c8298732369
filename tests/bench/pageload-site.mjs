// The pages bench:pageload loads: normal pages of several sizes (up to 2 MB with 20,000 elements) and error pages,
// served over TLS from one loopback port under fake host names. Every answer forbids caching, so each load is a
// real load, and the normal pages come from a plain origin (no CDN headers), as most of the web does.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { cloudflare } from '../e2e/fakes/cf-headers.mjs';
import { makeSelfSignedCert } from '../tools/certs.mjs';

const E2E_PAGES = path.join(import.meta.dirname, '..', 'e2e', 'pages');
const ORIGIN = { 'content-type': 'text/html; charset=utf-8', server: 'nginx/1.24.0', 'cache-control': 'no-cache' };

/** A normal article page of about `elements` elements and `bytes` bytes, with a stylesheet and a script of its own. */
function normalPage(elements, bytes) {
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
  const perItem = Math.max(0, Math.floor(bytes / elements) - 40);
  const text = filler.repeat(Math.ceil(perItem / filler.length)).slice(0, perItem);
  const items = Array.from({ length: elements }, (_, i) => `<p class="c${i % 7}" id="p${i}">${text}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weekly notes | bench.test</title>
<style>.c1{color:#333}.c3{margin:0 1em}</style></head><body><main>${items}</main>
<script>document.querySelector('main').dataset.ready = '1';</script></body></html>`;
}

const fill = (file, host) =>
  fs.readFileSync(path.join(E2E_PAGES, file), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => (k === 'host' ? host : 'X'));

/** name → { kind, host, status, headers, body } */
export function benchPages() {
  const pages = {
    'normal 6 KB': {
      kind: 'normal',
      host: 'small.bench.test',
      status: 200,
      headers: ORIGIN,
      body: normalPage(60, 6_000),
    },
    'normal 200 KB': {
      kind: 'normal',
      host: 'medium.bench.test',
      status: 200,
      headers: ORIGIN,
      body: normalPage(2_000, 200_000),
    },
    'normal 2 MB, 20,000 elements': {
      kind: 'normal',
      host: 'large.bench.test',
      status: 200,
      headers: ORIGIN,
      body: normalPage(20_000, 2_000_000),
    },
    'Cloudflare 522': {
      kind: 'error',
      host: 'cf522.bench.test',
      status: 522,
      headers: cloudflare('8a1b2c3d4e5f6789', 'ICN'),
      body: fill('cf-522.html', 'cf522.bench.test'),
    },
    'origin 503': {
      kind: 'error',
      host: 'o503.bench.test',
      status: 503,
      headers: ORIGIN,
      body: fill('origin-503.html', 'o503.bench.test'),
    },
  };
  return pages;
}

/** Serves `pages` by host name on a loopback port; everything else is a quiet 404. */
export async function startBenchSite(pages) {
  const byHost = new Map(Object.values(pages).map((p) => [p.host, p]));
  const server = https.createServer(makeSelfSignedCert([...byHost.keys()]), (req, res) => {
    const page = byHost.get((req.headers.host ?? '').replace(/:\d+$/, ''));
    if (!page || (req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-cache' });
      return res.end('not here');
    }
    res.writeHead(page.status, { ...page.headers, 'content-length': Buffer.byteLength(page.body) });
    res.end(page.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return { port, hosts: [...byHost.keys()], close: () => new Promise((r) => server.close(() => r(undefined))) };
}
