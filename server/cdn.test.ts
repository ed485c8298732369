import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CdnSummarySchema, type CdnSummary, VendorDetailSchema } from '../src/core/radar/radar-wire.ts';
import { createHash } from 'node:crypto';
import { describeOnEachStore, postJson, reportBody, TEST_START } from '../tests/support/server-app.ts';

describeOnEachStore('the CDN radar endpoints', (server) => {
  /** Any 64-hex host hash: the service never sees names. */
  const hashOf = (name: string) => createHash('sha256').update(name).digest('hex');
  let serial = 0;
  /** One person per site, each on a network of their own (a /24 apart), reporting the site failing at `colo`. */
  async function failingSites(count: number, colo: string, overrides: Record<string, unknown> = {}) {
    for (let index = 0; index < count; index++) {
      serial++;
      const body = reportBody({ hostHash: hashOf(`site-${serial}.example`), colo, ...overrides });
      const response = await postJson(
        server().app,
        '/v1/reports',
        { ...body, clientId: `client-${serial}`.padEnd(22, '0') },
        {
          'x-test-ip': `10.${Math.floor(serial / 250)}.${serial % 250}.7`,
        },
      );
      expect(response.status).toBe(202);
    }
  }

  async function summary(): Promise<CdnSummary['vendors'][number]> {
    const response = await server().app.request('/v1/cdn');
    expect(response.status).toBe(200);
    const data = v.parse(CdnSummarySchema, ((await response.json()) as { data: unknown }).data);
    return data.vendors.find((vendor) => vendor.vendor === 'cloudflare')!;
  }

  describe('GET /v1/cdn', () => {
    it('names a CDN-wide failure an outage, with the colos that fail', async () => {
      await failingSites(12, 'ICN');
      await failingSites(6, 'NRT');
      await failingSites(3, 'LAX');
      expect(await summary()).toMatchObject({ state: 'outage', colos: ['ICN', 'NRT'], sites: { m5: 21 } });
    });

    it('keeps a CDN normal while one site fails for many people', async () => {
      for (let person = 0; person < 30; person++) {
        const response = await postJson(
          server().app,
          '/v1/reports',
          reportBody({ hostHash: hashOf('big-shop.example'), clientId: `person-${person}`.padEnd(22, '0') }),
          { 'x-test-ip': `10.9.${person}.1` },
        );
        expect(response.status).toBe(202);
      }
      expect(await summary()).toMatchObject({ state: 'normal', sites: { m5: 0, m15: 0, m60: 0 } });
    });

    it('publishes nothing below the floor, and does publish at it', async () => {
      await failingSites(4, 'ICN');
      expect((await summary()).sites.m60).toBe(0);
      await failingSites(1, 'ICN');
      expect((await summary()).sites.m60).toBe(5);
    });

    it('is cacheable for 30 s and answers 304 to a client that has the same body', async () => {
      await failingSites(5, 'ICN');
      const first = await server().app.request('/v1/cdn');
      const etag = first.headers.get('etag');
      expect(first.headers.get('cache-control')).toBe('public, max-age=30');
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const again = await server().app.request('/v1/cdn', { headers: { 'If-None-Match': `W/${etag}` } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      await failingSites(1, 'ICN');
      expect((await server().app.request('/v1/cdn', { headers: { 'If-None-Match': etag! } })).status).toBe(200);
    });
  });

  describe('GET /v1/cdn/{vendor}', () => {
    it('gives the published colos and the last hour in 5-minute steps', async () => {
      await failingSites(6, 'ICN');
      server().clock.now = TEST_START + 7 * 60_000;
      await failingSites(5, 'ICN');
      await failingSites(2, 'FRA');
      const response = await server().app.request('/v1/cdn/cloudflare');
      expect(response.status).toBe(200);
      const detail = v.parse(VendorDetailSchema, ((await response.json()) as { data: unknown }).data);
      expect(detail.cells.map((cell) => [cell.colo, cell.sites.m60])).toEqual([['ICN', 11]]);
      expect(detail.series.slice(-2).map((point) => point.sites)).toEqual([6, 7]);
      expect(JSON.stringify(detail)).not.toMatch(/[0-9a-f]{64}/);
    });

    it('answers 404 for a vendor it does not know, and for `unknown`', async () => {
      for (const vendor of ['nope', 'unknown', 'CLOUDFLARE', '..%2fmetrics']) {
        const response = await server().app.request(`/v1/cdn/${vendor}`);
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
      }
    });
  });
});
