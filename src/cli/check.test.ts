/**
 * The `check` CLI against local fakes: the real vendor hostname (www.cloudflarestatus.com) served over self-signed
 * HTTPS on 127.0.0.1 via --resolve/--insecure, and a fake Cloudflare-fronted site. Spawns the CLI as `npm run check`
 * does (src/cli/launch.mjs, from the bundle).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttps, type Server } from 'node:https';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../core/diagnose/types.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'culprit-check-'));

/** A Statuspage summary with the Seoul data centre in the given state and, optionally, an incident naming it. */
function summary(icn: string, incident: boolean) {
  const component = (id: string, name: string, status: string, group_id: string | null, group = false) => ({
    id,
    name,
    status,
    group_id,
    group,
    created_at: '2014-01-01T00:00:00Z',
    updated_at: '2025-11-18T11:00:00Z',
    position: 1,
    description: null,
    showcase: false,
    start_date: null,
    page_id: 'p',
    only_show_if_degraded: false,
    ...(group ? { components: ['icn'] } : {}),
  });
  return {
    page: {
      id: 'p',
      name: 'Cloudflare',
      url: 'https://www.cloudflarestatus.com',
      time_zone: 'Etc/UTC',
      updated_at: '2025-11-18T11:00:00Z',
    },
    status: { indicator: incident ? 'major' : 'none', description: 'x' },
    components: [
      component('asia', 'Asia', icn, null, true),
      component('icn', 'Seoul, South Korea - (ICN)', icn, 'asia'),
    ],
    incidents: incident
      ? [
          {
            id: 'i1',
            name: 'Elevated errors in Seoul',
            status: 'investigating',
            impact: 'major',
            shortlink: 'https://stspg.io/x',
            created_at: '2025-11-18T11:20:00Z',
            updated_at: '2025-11-18T11:25:00Z',
            started_at: '2025-11-18T11:20:00Z',
            monitoring_at: null,
            resolved_at: null,
            page_id: 'p',
            incident_updates: [],
            components: [component('icn', 'Seoul, South Korea - (ICN)', icn, 'asia')],
          },
        ]
      : [],
    scheduled_maintenances: [],
  };
}

let statusState = { icn: 'operational', incident: false };
const branded500 = `<html><head><title>shop.test | 500: Internal server error</title></head><body><div id="cf-wrapper"><div id="cf-error-details">
<span class="code-label">Error code 500</span><div id="cf-browser-status"></div><div id="cf-cloudflare-status" class="cf-error-source"></div><div id="cf-host-status"></div>
<div class="cf-error-footer"><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6789</strong></span></div></div></div></body></html>`;

const NGINX_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>';

function site(req: IncomingMessage, res: ServerResponse) {
  // A site with no CDN in front, whose app server behind nginx is down.
  if (req.headers.host === 'plain.test')
    return res.writeHead(502, { 'content-type': 'text/html', server: 'nginx/1.25.3' }).end(NGINX_502);
  if (req.url === '/cdn-cgi/trace')
    return res.writeHead(200, { server: 'cloudflare' }).end('fl=1\nh=shop.test\ncolo=ICN\nwarp=off\ngateway=off\n');
  res
    .writeHead(500, { 'content-type': 'text/html', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-ICN' })
    .end(branded500);
}

let https: Server;
let http: ReturnType<typeof createHttp>;
const port = (server: { address(): unknown }) => (server.address() as AddressInfo).port;

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=www.cloudflarestatus.com',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  https = createHttps(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(summary(statusState.icn, statusState.incident))),
  );
  http = createHttp(site);
  await Promise.all([
    new Promise<void>((r) => https.listen(0, '127.0.0.1', r)),
    new Promise<void>((r) => http.listen(0, '127.0.0.1', r)),
  ]);
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      controlUrls: { cloudflare: `http://127.0.0.1:${port(http)}/cdn-cgi/trace` },
      connectivityUrls: [],
      dohUrls: [],
      timeoutMs: 1500,
    }),
  );
});
afterAll(() => {
  https.close();
  http.close();
});

async function check(...extra: string[]) {
  return checkUrl('http://shop.test/cart', ...extra);
}

async function checkUrl(url: string, ...extra: string[]) {
  const { stdout } = await run(
    process.execPath,
    [
      'src/cli/launch.mjs',
      'check',
      url,
      '--json',
      '--config',
      join(dir, 'config.json'),
      '--resolve',
      `shop.test=127.0.0.1:${port(http)}`,
      '--resolve',
      `www.cloudflarestatus.com=127.0.0.1:${port(https)}`,
      '--resolve',
      `plain.test=127.0.0.1:${port(http)}`,
      ...extra,
    ],
    { cwd: root },
  );
  return JSON.parse(stdout) as {
    culprit: string;
    vendor: string;
    colo: string;
    rule: string;
    sources: Record<string, string>;
    acknowledged: string;
    verdict: Verdict;
  };
}

describe('check CLI', () => {
  it("a branded 500 with an incident on the user's colo is the CDN in ICN, from the real status hostname", async () => {
    statusState = { icn: 'major_outage', incident: true };
    expect(await check('--insecure')).toMatchObject({
      culprit: 'cdn',
      vendor: 'cloudflare',
      colo: 'ICN',
      rule: 'cdn-colo-incident',
      sources: { 'vendor-status': 'ok' },
    });
  });

  it('without --insecure the self-signed status page fails that source, and the verdict says so', async () => {
    statusState = { icn: 'major_outage', incident: true };
    const result = await check();
    expect(result.sources['vendor-status']).toBe('failed');
    expect(result).toMatchObject({ culprit: 'cdn', rule: 'cdn-edge-page', acknowledged: 'unreachable' });
  });

  it("nginx's own 502 with no CDN in front is the site's, and the evidence names nginx", async () => {
    const result = await checkUrl('http://plain.test/');
    expect(result).toMatchObject({ culprit: 'site', vendor: null, rule: 'site-server' });
    expect(result.verdict.evidence.find((item) => item.source === 'page')?.observed).toEqual({
      key: 'ev_platformServer',
      params: { platform: 'nginx', code: 502 },
    });
  });

  it('rejects bad arguments with exit code 2', async () => {
    await expect(
      run(process.execPath, ['src/cli/launch.mjs', 'check', 'not a url'], { cwd: root }),
    ).rejects.toMatchObject({
      code: 2,
    });
    await expect(
      run(process.execPath, ['src/cli/launch.mjs', 'check', 'https://a.example/', '--resolve', 'nonsense'], {
        cwd: root,
      }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
