import { describe, expect, it, vi } from 'vitest';
import { PREFIX_ENTRY_COUNT, PREFIX_RESPONSE_BYTES, type PrefixData } from '../src/core/peer/wire.ts';
import { createApp } from './app.ts';
import { createMetricsApp } from './metrics-app.ts';
import { createMetrics } from './metrics.ts';
import type { ReportStore } from './store/report-store.ts';
import {
  createTestApp,
  PGLITE_START_TIMEOUT,
  postJson,
  reportBody,
  TEST_START,
  useTestApp,
} from '../tests/support/server-app.ts';

const server = useTestApp();

async function totalCount(): Promise<number> {
  const [row] = await server().sql.query<{ total: number | null }>(
    'SELECT sum(count)::int AS total FROM report_buckets',
  );
  return row?.total ?? 0;
}

async function readPrefix(prefix: string): Promise<{ response: Response; text: string; data: PrefixData }> {
  const response = await server().app.request(`/v1/prefix/${prefix}`);
  const text = await response.text();
  return { response, text, data: (JSON.parse(text) as { data: PrefixData }).data };
}

describe('POST /v1/reports', () => {
  it('answers 202 and stores the bucket row', async () => {
    const response = await postJson(server().app, '/v1/reports', reportBody());
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ok: true, data: { counted: true } });
    const rows = await server().sql.query(
      "SELECT encode(host_hash, 'hex') AS host, kind, vendor, colo, count, minute FROM report_buckets",
    );
    expect(rows).toEqual([
      {
        host: `abcd${'e'.repeat(60)}`,
        kind: 'edge-error',
        vendor: 'cloudflare',
        colo: 'FRA',
        count: 1,
        minute: TEST_START / 60_000,
      },
    ]);
  });

  it('counts the same client and host once per 10 minutes', async () => {
    await postJson(server().app, '/v1/reports', reportBody());
    const again = await postJson(server().app, '/v1/reports', reportBody({ kind: 'origin-error' }));
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ ok: true, data: { counted: false } });
    await postJson(server().app, '/v1/reports', reportBody({ clientId: 'another-client-1234567890' }));
    server().clock.now += 10 * 60_000;
    await postJson(server().app, '/v1/reports', reportBody());
    expect(await totalCount()).toBe(3);
  });

  it('stores neither the client id nor the code', async () => {
    await postJson(server().app, '/v1/reports', reportBody({ code: 7777 }));
    const dump =
      JSON.stringify(await server().sql.query('SELECT * FROM report_buckets')) +
      JSON.stringify(await server().sql.query("SELECT encode(key, 'hex') FROM report_dedupe"));
    expect(dump).not.toContain('client-0000');
    expect(dump).not.toContain('7777');
  });

  it.each([
    ['a short hostHash', reportBody({ hostHash: 'abcd' }), 'hostHash'],
    ['an uppercase hostHash', reportBody({ hostHash: 'A'.repeat(64) }), 'hostHash'],
    ['an unknown kind', reportBody({ kind: 'meh' }), 'kind'],
    ['an unknown vendor', reportBody({ vendor: 'acme' }), 'vendor'],
    ['a lowercase colo', reportBody({ colo: 'fra' }), 'colo'],
    ['a code out of range', reportBody({ code: 42 }), 'code'],
    ['a fractional code', reportBody({ code: 522.5 }), 'code'],
    ['a short clientId', reportBody({ clientId: 'short' }), 'clientId'],
    ['an array', [reportBody()], ''],
    ['null', null, ''],
  ])('rejects %s with 400', async (_name, body, field) => {
    const response = await postJson(server().app, '/v1/reports', body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(json.ok).toBe(false);
    expect(json.error.code).toBe('bad_request');
    expect(json.error.message).toContain(field);
    expect(await totalCount()).toBe(0);
  });

  it.each([
    ['kind', reportBody({ kind: 'SECRET-kind-value' })],
    ['vendor', reportBody({ vendor: 'SECRET-vendor-value' })],
    ['hostHash', reportBody({ hostHash: 'SECRET-host-value' })],
    ['clientId', reportBody({ clientId: 7_777_777 })],
    ['code', reportBody({ code: 'SECRET-code-value' })],
    ['', JSON.stringify('SECRET-root-value')],
  ])('names the field %j in a 400 but never echoes the submitted value', async (field, body) => {
    const response = await postJson(server().app, '/v1/reports', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain(field);
    expect(error.message).not.toMatch(/SECRET|7777777|received/);
  });

  it('rejects malformed JSON and a missing content type with 400', async () => {
    expect((await postJson(server().app, '/v1/reports', '{"hostHash":')).status).toBe(400);
    const noType = await server().app.request('/v1/reports', { method: 'POST', body: JSON.stringify(reportBody()) });
    expect(noType.status).toBe(400);
  });

  it('rejects bodies over 2 KB with 413', async () => {
    const response = await postJson(server().app, '/v1/reports', reportBody({ filler: 'x'.repeat(3000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('answers 503, not 500, when the store cannot commit', async () => {
    const broken: ReportStore = {
      commitReports: () => Promise.reject(new Error('connection refused')),
      readActive: () => Promise.reject(new Error('connection refused')),
      readRadar: () => Promise.reject(new Error('connection refused')),
      deleteExpired: () => Promise.reject(new Error('connection refused')),
      isReachable: async () => false,
      close: async () => {},
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({ store: broken });
    expect((await postJson(app, '/v1/reports', reportBody())).status).toBe(503);
    expect((await app.request('/v1/prefix/abcd')).status).toBe(503);
    expect((await app.request('/v1/cdn')).status).toBe(503);
    expect((await app.request('/v1/cdn/cloudflare')).status).toBe(503);
    expect((await app.request('/readyz')).status).toBe(503);
    expect(logged).toHaveBeenCalledTimes(4);
    logged.mockRestore();
  });
});

describe('GET /v1/prefix/:prefix', () => {
  it('is exactly PREFIX_RESPONSE_BYTES with PREFIX_ENTRY_COUNT entries, empty or not', async () => {
    const empty = await readPrefix('abcd');
    await postJson(server().app, '/v1/reports', reportBody());
    const busy = await readPrefix('abcd');
    for (const { response, text, data } of [empty, busy]) {
      expect(response.status).toBe(200);
      expect(Buffer.byteLength(text)).toBe(PREFIX_RESPONSE_BYTES);
      expect(data.entries).toHaveLength(PREFIX_ENTRY_COUNT);
      expect(data.entries.every((entry) => entry.hostHash.startsWith('abcd'))).toBe(true);
    }
    const mine = busy.data.entries.find((entry) => entry.hostHash === `abcd${'e'.repeat(60)}`);
    expect(mine).toEqual({ hostHash: `abcd${'e'.repeat(60)}`, count15: 1, count60: 1, baseline15: 0, state: 'normal' });
  });

  it('shows an outage after sustained reports from many clients', async () => {
    for (let minute = 0; minute < 15; minute++) {
      for (let client = 0; client < 4; client++) {
        const clientId = `client-${minute}-${client}-xxxxxxxxxxxxxxxx`;
        expect((await postJson(server().app, '/v1/reports', reportBody({ clientId }))).status).toBe(202);
      }
      server().clock.now += 60_000;
    }
    server().clock.now -= 60_000;
    const { data } = await readPrefix('abcd');
    const mine = data.entries.find((entry) => entry.hostHash === `abcd${'e'.repeat(60)}`);
    expect(mine).toMatchObject({ count15: 60, count60: 60, state: 'outage' });
  });

  it('keeps the fixed size when the bucket holds more hosts than entries', async () => {
    for (let host = 0; host < PREFIX_ENTRY_COUNT + 8; host++) {
      const hostHash = `abcd${host.toString(16).padStart(60, '0')}`;
      await postJson(
        server().app,
        '/v1/reports',
        reportBody({ hostHash, clientId: `client-${host}-yyyyyyyyyyyyyyyyyy` }),
      );
    }
    const { text, data } = await readPrefix('abcd');
    expect(Buffer.byteLength(text)).toBe(PREFIX_RESPONSE_BYTES);
    expect(data.entries.filter((entry) => entry.count60 > 0)).toHaveLength(PREFIX_ENTRY_COUNT);
  });

  it.each(['ABCD', 'abc', 'abcde', 'zzzz', '%00%00'])('rejects prefix %s with 400', async (prefix) => {
    const response = await server().app.request(`/v1/prefix/${prefix}`);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(json).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(json.error.message).not.toContain(decodeURIComponent(prefix));
  });
});

describe('abuse controls', () => {
  it(
    'answers 429 with Retry-After past the per-network burst, per network',
    async () => {
      const limited = await createTestApp({}, 3);
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await limited.app.request('/v1/prefix/abcd', { headers: { 'x-test-ip': '10.0.0.1' } })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.app.request('/v1/prefix/abcd', { headers: { 'x-test-ip': '10.0.0.1' } });
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      expect((await limited.app.request('/v1/prefix/abcd', { headers: { 'x-test-ip': '10.0.1.2' } })).status).toBe(200);
      await limited.store.close();
    },
    PGLITE_START_TIMEOUT,
  );

  it('allows CORS for extension origins only', async () => {
    const chrome = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const firefox = 'moz-extension://2f1c6a4e-8a34-4a4e-9d3b-0f6f2b1c9a77';
    for (const origin of [chrome, firefox]) {
      const response = await server().app.request('/v1/prefix/abcd', { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const site = await server().app.request('/v1/prefix/abcd', { headers: { origin: 'https://evil.example' } });
    expect(site.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server().app.request('/v1/reports', {
      method: 'OPTIONS',
      headers: {
        origin: chrome,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(chrome);
  });
});

describe('operations routes', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await server().app.request('/healthz')).json()).toEqual({ ok: true, data: { status: 'ok' } });
    expect((await server().app.request('/readyz')).status).toBe(200);
  });

  it('exposes Prometheus metrics that count reports on the metrics app', async () => {
    const metrics = createMetrics({ withProcessMetrics: false });
    const withMetrics = createApp({ store: server().store, metrics, snapshotMaxAgeMs: 0 });
    await postJson(withMetrics, '/v1/reports', reportBody({ clientId: 'metrics-client-0000000000' }));
    const text = await (await createMetricsApp(metrics).request('/metrics')).text();
    expect(text).toMatch(/culprit_reports_total\{kind="edge-error",vendor="cloudflare",counted="true"\} [1-9]/);
    expect(text).toContain('culprit_report_code_class_total{class="5xx"}');
  });

  it('serves an OpenAPI 3.1 document covering every route', async () => {
    const document = (await (await server().app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    // Every route the app really serves (Hono's route list), plus /metrics, which its own listener serves.
    const served = server()
      .app.routes.filter((route) => route.method !== 'ALL')
      .map((route) => route.path.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1'));
    expect(Object.keys(document.paths).sort()).toEqual([...new Set([...served, '/metrics'])].sort());
  });

  it.each(['/metrics', '/%6detrics', '/%6D%65trics', '/v1/../metrics', '/v1/%2e%2e/metrics', '//metrics', '/metrics/'])(
    'has no metrics on the public app: %s is a 404',
    async (path) => {
      const response = await server().app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('culprit_');
    },
  );

  it('answers unknown routes with a JSON 404', async () => {
    const response = await server().app.request('/v2/anything');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
