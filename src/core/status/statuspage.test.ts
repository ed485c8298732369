import { describe, expect, it } from 'vitest';
import { parseStatuspageSummary } from './statuspage.ts';
import { parseStatuspageStatus } from './statuspage-status.ts';
import {
  cloudflareSummary,
  component,
  group,
  incident,
  incidentIoSummary,
} from '../../../tests/support/status/statuspage-payloads.ts';
import { expectOk, metaFor } from '../../../tests/support/status/parse-helpers.ts';
import { hasRealPayload, realPayload } from '../../../tests/support/real-world.ts';

const URL_SUMMARY = 'https://www.vercel-status.com/api/v2/summary.json';
const parseVercel = (body: unknown, overrides = {}) =>
  parseStatuspageSummary(typeof body === 'string' ? body : JSON.stringify(body), metaFor(URL_SUMMARY, overrides), {
    vendor: 'vercel',
  });

describe('parseStatuspageSummary', () => {
  it('maps components, folds groups into names and keeps raw values', () => {
    const status = expectOk(parseVercel(cloudflareSummary()));
    expect(status.coverage).toBe('components');
    expect(status.indicator).toBe('minor');
    expect(status.page).toEqual({ name: 'Cloudflare', url: 'https://www.cloudflarestatus.com' });
    expect(status.components.map((c) => c.name)).not.toContain('Asia');
    const seoul = status.components.find((c) => c.id === 'icn1');
    expect(seoul).toMatchObject({ status: 'partial', rawStatus: 'partial_outage', group: 'Asia' });
    expect(seoul?.colo).toBeUndefined();
  });

  it('maps every Statuspage component state, and unknown ones to unknown', () => {
    const states = [
      'operational',
      'degraded_performance',
      'partial_outage',
      'major_outage',
      'under_maintenance',
      'melting',
    ];
    const body = cloudflareSummary({ components: states.map((s, i) => component(`c${i}`, `C${i}`, s, null)) });
    const status = expectOk(parseVercel(body));
    expect(status.components.map((c) => c.status)).toEqual([
      'operational',
      'degraded',
      'partial',
      'major',
      'maintenance',
      'unknown',
    ]);
  });

  it('maps incidents and maintenances with phases, times and affected components', () => {
    const body = cloudflareSummary({
      incidents: [
        incident({ id: 'i1', name: 'Elevated 5xx', status: 'identified', affected: [['cdn1', 'CDN/Cache']] }),
      ],
    });
    const status = expectOk(parseVercel(body));
    const [first, maintenance] = status.incidents;
    expect(first).toMatchObject({
      id: 'i1',
      kind: 'incident',
      phase: 'active',
      impact: 'major',
      componentIds: ['cdn1'],
      url: 'https://stspg.io/i1',
    });
    expect(first?.startedAt).toBe(Date.parse('2026-08-16T16:57:43.823Z'));
    expect(maintenance).toMatchObject({ kind: 'maintenance', phase: 'scheduled', componentIds: ['ewr1'] });
    expect(maintenance?.scheduledFor).toBe(Date.parse('2026-09-01T05:00:00.000Z'));
    expect(maintenance?.colos).toEqual([]);
  });

  it('treats an unknown indicator as unknown, never as none', () => {
    const status = expectOk(parseVercel(cloudflareSummary({ indicator: 'purple' })));
    expect(status.indicator).toBe('unknown');
    expect(status.rawIndicator).toBe('purple');
  });

  it('accepts an incident.io page through the v2 compatibility endpoint (ULID ids)', () => {
    const status = expectOk(
      parseStatuspageSummary(
        JSON.stringify(incidentIoSummary()),
        metaFor('https://status.openai.com/api/v2/summary.json'),
        { vendor: 'site' },
      ),
    );
    expect(status.indicator).toBe('major');
    expect(status.components[0]).toMatchObject({ id: '01JMXBNJXGV1T5GT2M9XA83XNG', status: 'partial', explains: [] });
    expect(status.incidents[0]).toMatchObject({ phase: 'active', componentIds: ['01JMXBNJXGV1T5GT2M9XA83XNG'] });
  });

  it('accepts a summary without a page object (display-only field)', () => {
    const { page: _page, ...body } = cloudflareSummary();
    const status = expectOk(parseVercel(body));
    expect(status.page).toBeUndefined();
    expect(status.components.length).toBeGreaterThan(0);
  });

  it('gives a site its components without CDN explanations', () => {
    const body = cloudflareSummary({ components: [component('p', 'Pages', 'operational', null)] });
    const site = parseStatuspageSummary(JSON.stringify(body), metaFor(URL_SUMMARY), { vendor: 'site' });
    expect(expectOk(site).components[0]?.explains).toEqual([]);
    expect(expectOk(parseVercel(body)).components[0]?.explains).toEqual(['origin-error']);
  });

  it.each([
    ['a redirect', cloudflareSummary(), { httpStatus: 301 }, /redirect/],
    ['a 404', cloudflareSummary(), { httpStatus: 404 }, /HTTP 404/],
    ['a 503', cloudflareSummary(), { httpStatus: 503 }, /HTTP 503/],
    ['HTML by content type', cloudflareSummary(), { contentType: 'text/html; charset=utf-8' }, /HTML/],
    ['HTML by sniffing', '<!DOCTYPE html><title>Just a moment...</title>', {}, /HTML/],
    ['truncated JSON', JSON.stringify(cloudflareSummary()).slice(0, 500), {}, /not valid JSON/],
    ['an empty body', '  ', {}, /empty/],
    ['a JSON array', [], {}, /not a Statuspage summary/],
    ['components of the wrong type', { ...cloudflareSummary(), components: 'none' }, {}, /components/],
    [
      'a component status of the wrong type',
      cloudflareSummary({ components: [component('a', 'A', 7 as unknown as string, null)] }),
      {},
      /status/,
    ],
    ['a missing status object', { page: { name: 'x', url: 'y' }, components: [] }, {}, /status/],
  ])('fails on %s', (_label, body, overrides, reason) => {
    const result = parseVercel(body, overrides);
    expect(result.state).toBe('failed');
    if (result.state === 'failed') expect(result.reason).toMatch(reason);
  });

  it('fails on a group listing more components than the cap', () => {
    const body = cloudflareSummary({
      components: [
        group(
          'g',
          'G',
          'operational',
          Array.from({ length: 5_001 }, (_, i) => `c${i}`),
        ),
      ],
    });
    expect(parseVercel(body).state).toBe('failed');
  });
});

describe('parseStatuspageStatus', () => {
  const url = 'https://status.example.com/api/v2/status.json';
  it('reads the indicator only', () => {
    const body = JSON.stringify({
      page: { id: 'x', name: 'Example', url: 'https://status.example.com' },
      status: { indicator: 'none', description: 'All Systems Operational' },
    });
    const status = expectOk(parseStatuspageStatus(body, metaFor(url), 'site'));
    expect(status).toMatchObject({ coverage: 'indicator', indicator: 'none', components: [], incidents: [] });
  });

  it('fails on a status page that is not Statuspage', () => {
    const result = parseStatuspageStatus(JSON.stringify({ status: 'ok' }), metaFor(url), 'site');
    expect(result.state).toBe('failed');
  });
});

describe.skipIf(!hasRealPayload('claude-summary.json'))('real payload: claude-summary.json (status.claude.com)', () => {
  it('parses all components as operational, with no incidents listed', () => {
    const body = realPayload('claude-summary.json') ?? new Uint8Array();
    const status = expectOk(
      parseStatuspageSummary(body, metaFor('https://status.claude.com/api/v2/summary.json'), { vendor: 'site' }),
    );
    expect(status.indicator).toBe('none');
    expect(status.components.length).toBeGreaterThanOrEqual(5);
    expect(status.components.every((c) => c.status === 'operational')).toBe(true);
    expect(status.components.map((c) => c.id)).toContain('k8w3r06qmzrp');
  });
});
