import { describe, expect, it } from 'vitest';
import { parseGcpIncidents } from './gcp.ts';
import { NOW, expectOk, metaFor } from '../../../tests/support/status/parse-helpers.ts';
import { hasRealPayload, realPayload } from '../../../tests/support/real-world.ts';

const META = metaFor('https://status.cloud.google.com/incidents.json');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Shaped like status.cloud.google.com/incidents.json entries (Jul 2026), trimmed. */
function gcpIncident(fields: {
  id: string;
  products: string[];
  impact?: string;
  begin?: number;
  end?: number | null;
  recovered?: boolean;
}) {
  return {
    id: fields.id,
    number: '1',
    begin: iso(fields.begin ?? NOW - 2 * HOUR),
    created: iso(fields.begin ?? NOW - 2 * HOUR),
    end: fields.end === undefined || fields.end === null ? null : iso(fields.end),
    modified: iso(NOW - HOUR),
    external_desc: `Issue with ${fields.products.join(', ')}`,
    updates: [],
    most_recent_update: { status: fields.recovered ? 'AVAILABLE' : 'SERVICE_DISRUPTION', text: '...' },
    status_impact: fields.impact ?? 'SERVICE_DISRUPTION',
    severity: 'medium',
    service_key: 'x',
    service_name: fields.products.length > 1 ? 'Multiple Products' : fields.products[0],
    affected_products: fields.products.map((title) => ({ title, id: title })),
    uri: `incidents/${fields.id}`,
  };
}

describe('parseGcpIncidents', () => {
  it('reports an open Cloud CDN outage on its component and the indicator', () => {
    const body = JSON.stringify([
      gcpIncident({ id: 'a', products: ['Cloud CDN', 'Cloud Load Balancing'], impact: 'SERVICE_OUTAGE' }),
      gcpIncident({ id: 'b', products: ['BigQuery'], impact: 'SERVICE_OUTAGE' }),
    ]);
    const status = expectOk(parseGcpIncidents(body, META));
    expect(status.vendor).toBe('google');
    expect(status.indicator).toBe('major');
    expect(status.incidents.map((i) => i.id)).toEqual(['a']);
    expect(status.incidents[0]).toMatchObject({
      phase: 'active',
      url: 'https://status.cloud.google.com/incidents/a',
      componentIds: ['Cloud CDN', 'Cloud Load Balancing'],
    });
    const byName = Object.fromEntries(status.components.map((c) => [c.name, c]));
    expect(byName['Cloud CDN']).toMatchObject({ status: 'major', explains: ['edge-error'] });
    expect(byName['Cloud Load Balancing']?.explains).toEqual(['edge-error', 'origin-error']);
    expect(byName['Cloud Armor']).toMatchObject({ status: 'operational', explains: ['blocked'] });
  });

  it('keeps an incident that ended within a day as resolved, drops older ones, and ignores both for the indicator', () => {
    const body = JSON.stringify([
      gcpIncident({ id: 'recent', products: ['Media CDN'], end: NOW - HOUR }),
      gcpIncident({ id: 'old', products: ['Media CDN'], begin: NOW - 90 * 24 * HOUR, end: NOW - 80 * 24 * HOUR }),
    ]);
    const status = expectOk(parseGcpIncidents(body, META));
    expect(status.incidents.map((i) => [i.id, i.phase])).toEqual([['recent', 'resolved']]);
    expect(status.indicator).toBe('none');
  });

  it('reads an open incident whose latest update says AVAILABLE as monitoring', () => {
    const status = expectOk(
      parseGcpIncidents(JSON.stringify([gcpIncident({ id: 'm', products: ['Cloud CDN'], recovered: true })]), META),
    );
    expect(status.incidents[0]?.phase).toBe('monitoring');
    expect(status.indicator).toBe('minor');
  });

  it('maps an unknown status_impact to unknown', () => {
    const status = expectOk(
      parseGcpIncidents(
        JSON.stringify([gcpIncident({ id: 'u', products: ['Cloud CDN'], impact: 'SERVICE_WEIRD' })]),
        META,
      ),
    );
    expect(status.indicator).toBe('unknown');
  });

  it.each([
    ['an object', '{"incidents":[]}', {}],
    ['an incident without id', JSON.stringify([{ ...gcpIncident({ id: 'x', products: [] }), id: 5 }]), {}],
    ['HTML', '<!doctype html><html></html>', {}],
    ['a 302', '[]', { httpStatus: 302 }],
  ])('fails on %s', (_label, body, overrides) => {
    expect(parseGcpIncidents(body, metaFor(META.url, overrides)).state).toBe('failed');
  });
});

describe.skipIf(!hasRealPayload('gcp-incidents.json'))('real payload: gcp-incidents.json', () => {
  it('parses the real history: nothing open, Media CDN incident long ended', () => {
    const body = realPayload('gcp-incidents.json') ?? new Uint8Array();
    const status = expectOk(parseGcpIncidents(body, metaFor(META.url, { now: Date.parse('2026-06-26T20:00:00Z') })));
    expect(status.indicator).toBe('none');
    expect(status.incidents.map((i) => [i.id, i.phase])).toEqual([['5fGQt4VbkDnr3Yp8PXPr', 'resolved']]);
    expect(expectOk(parseGcpIncidents(body, META)).incidents).toEqual([]);
  });
});
