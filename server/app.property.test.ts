import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REPORT_KINDS, REPORT_VENDORS } from '../src/core/peer/wire.ts';
import { createTestApp, reportBody, PGLITE_START_TIMEOUT, type TestApp } from '../tests/support/server-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, PGLITE_START_TIMEOUT);
afterAll(async () => {
  await t.store.close();
});

/** Near-valid values are the interesting garbage: they get past the cheap checks. */
const nearReport = fc.record(
  {
    hostHash: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string(), fc.integer(), fc.constant(null)),
    kind: fc.oneof(fc.constantFrom(...REPORT_KINDS), fc.string()),
    vendor: fc.oneof(fc.constantFrom(...REPORT_VENDORS), fc.string(), fc.constant(['cloudflare'])),
    colo: fc.oneof(fc.stringMatching(/^[A-Z]{3}$/), fc.string(), fc.double()),
    code: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.bigInt().map(String)),
    clientId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/), fc.string({ maxLength: 100 })),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  nearReport.map((value) => JSON.stringify(value)),
  fc.json(),
  fc.string({ maxLength: 3000 }),
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constant(JSON.stringify({ ...reportBody(), __proto__: { polluted: true } })),
);

const path = fc.oneof(
  fc.constantFrom('/v1/reports', '/v1/prefix/abcd', '/healthz', '/readyz', '/openapi.json', '/v1/prefix/'),
  fc.string({ maxLength: 12 }).map((segment) => `/v1/prefix/${encodeURIComponent(segment)}`),
  fc
    .array(fc.string({ maxLength: 10 }), { maxLength: 4 })
    .map((segments) => `/${segments.map(encodeURIComponent).join('/')}`),
  fc
    .tuple(fc.constantFrom('/v1/reports', '/v1/prefix/abcd'), fc.string({ maxLength: 30 }))
    .map(([base, query]) => `${base}?${encodeURIComponent(query)}=${encodeURIComponent(query)}&a[]=1`),
);

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/json; charset=utf-8',
  'multipart/form-data',
  '',
);

describe('the API under garbage', () => {
  it('never answers 5xx, and every error is a JSON { ok: false, error }', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, body, contentType, async (verb, target, payload, type) => {
        const hasBody = verb !== 'GET' && verb !== 'OPTIONS';
        const response = await t.app.request(target, {
          method: verb,
          headers: type ? { 'content-type': type } : {},
          ...(hasBody ? { body: payload } : {}),
        });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          const json = (await response.json()) as { ok: unknown; error: { code: unknown; message: unknown } };
          expect(json.ok).toBe(false);
          expect(typeof json.error.code).toBe('string');
          expect(typeof json.error.message).toBe('string');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts exactly what the schema accepts: a valid report is always 202', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          hostHash: fc.stringMatching(/^[0-9a-f]{64}$/),
          kind: fc.constantFrom(...REPORT_KINDS),
          vendor: fc.constantFrom(...REPORT_VENDORS),
          colo: fc.option(fc.stringMatching(/^[A-Z]{3}$/), { nil: undefined }),
          code: fc.option(fc.integer({ min: 100, max: 9999 }), { nil: undefined }),
          clientId: fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
        }),
        async (report) => {
          const response = await t.app.request('/v1/reports', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(report),
          });
          expect(response.status).toBe(202);
        },
      ),
      { numRuns: 100 },
    );
  });
});
