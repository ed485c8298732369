import { describe, expect, it } from 'vitest';
import { parseAwsCurrentEvents } from './aws.ts';
import { expectOk, metaFor, utf16Bytes, utf8Bytes } from '../../../tests/support/status/parse-helpers.ts';
import { hasRealPayload, realPayload } from '../../../tests/support/real-world.ts';

const META = metaFor('https://health.aws.amazon.com/public/currentevents', { contentType: 'application/json' });

/** Shaped like real currentevents entries (Frankfurt Direct Connect "1"; ME-CENTRAL-1 multi-service "3"). */
function event(fields: {
  service: string;
  serviceName: string;
  status: string;
  impacted?: Record<string, [string, string]>;
  end?: string;
}) {
  return {
    date: '1786765379',
    arn: `arn:aws:health:global::event/${fields.service}/X/${fields.status}`,
    region_name: 'Global',
    status: fields.status,
    service: fields.service,
    service_name: fields.serviceName,
    summary: 'Increased Error Rates',
    event_log: [
      { summary: 'Increased Error Rates', message: 'We are investigating.', status: 1, timestamp: 1786765379 },
      { status: 2, timestamp: 1786769000 },
    ],
    ...(fields.impacted
      ? {
          impacted_services: Object.fromEntries(
            Object.entries(fields.impacted).map(([k, [name, current]]) => [
              k,
              { service_name: name, current, max: current },
            ]),
          ),
        }
      : {}),
    ...(fields.end ? { end_time: fields.end } : {}),
  };
}

const CLOUDFRONT_DOWN = [
  event({ service: 'directconnect-eu-central-1', serviceName: 'AWS Direct Connect', status: '1' }),
  event({ service: 'cloudfront', serviceName: 'Amazon CloudFront', status: '3' }),
];

describe('parseAwsCurrentEvents', () => {
  it.each([
    ['UTF-16LE with BOM', utf16Bytes(JSON.stringify(CLOUDFRONT_DOWN), 'le')],
    ['UTF-16BE with BOM', utf16Bytes(JSON.stringify(CLOUDFRONT_DOWN), 'be')],
    ['UTF-16LE without BOM', utf16Bytes(JSON.stringify(CLOUDFRONT_DOWN), 'le', false)],
    ['UTF-8 with BOM', utf8Bytes(JSON.stringify(CLOUDFRONT_DOWN), true)],
    ['UTF-8 without BOM', utf8Bytes(JSON.stringify(CLOUDFRONT_DOWN))],
  ])('decodes %s and reports a CloudFront disruption', (_label, bytes) => {
    const status = expectOk(parseAwsCurrentEvents(bytes, META));
    expect(status.vendor).toBe('cloudfront');
    expect(status.indicator).toBe('major');
    expect(status.components).toEqual([
      { id: 'cloudfront', name: 'Amazon CloudFront', status: 'major', rawStatus: '3', explains: ['edge-error'] },
    ]);
    expect(status.incidents).toHaveLength(1);
    expect(status.incidents[0]).toMatchObject({
      phase: 'active',
      impact: 'major',
      startedAt: 1786765379000,
      updatedAt: 1786769000000,
    });
  });

  it('uses CloudFront’s own level inside a multi-service event', () => {
    const events = [
      event({
        service: 'multipleservices-me-central-1',
        serviceName: 'Multiple services',
        status: '3',
        impacted: { s3: ['Amazon S3', '3'], cloudfront: ['Amazon CloudFront', '2'] },
      }),
    ];
    const status = expectOk(parseAwsCurrentEvents(JSON.stringify(events), META));
    expect(status.indicator).toBe('minor');
    expect(status.components[0]?.status).toBe('degraded');
  });

  it('reads informational and resolved events as operational but keeps them listed', () => {
    const events = [
      event({ service: 'cloudfront', serviceName: 'Amazon CloudFront', status: '1' }),
      event({ service: 'cloudfront', serviceName: 'Amazon CloudFront', status: '3', end: '1786769999' }),
    ];
    const status = expectOk(parseAwsCurrentEvents(JSON.stringify(events), META));
    expect(status.indicator).toBe('none');
    expect(status.incidents.map((i) => i.phase)).toEqual(['active', 'resolved']);
  });

  it('treats an unknown status code as unknown, not fine', () => {
    const status = expectOk(
      parseAwsCurrentEvents(
        JSON.stringify([event({ service: 'cloudfront', serviceName: 'Amazon CloudFront', status: '7' })]),
        META,
      ),
    );
    expect(status.indicator).toBe('unknown');
    expect(status.components[0]?.status).toBe('unknown');
  });

  it('ignores events of other services and accepts an empty list', () => {
    const status = expectOk(parseAwsCurrentEvents('[]', META));
    expect(status).toMatchObject({ indicator: 'none', coverage: 'incidents', incidents: [] });
  });

  it.each([
    ['an object', '{"events":[]}'],
    ['an event missing its status', JSON.stringify([{ ...CLOUDFRONT_DOWN[1], status: undefined }])],
    ['an HTML error page', '<html><body>Service Unavailable</body></html>'],
    ['odd-length UTF-16', utf16Bytes('[]', 'le').subarray(0, 5)],
    ['invalid UTF-8', new Uint8Array([0x5b, 0xc3, 0x28, 0x5d])],
  ])('fails on %s', (_label, body) => {
    expect(parseAwsCurrentEvents(body, META).state).toBe('failed');
  });
});

describe.skipIf(!hasRealPayload('aws-currentevents.json'))('real payload: aws-currentevents.json', () => {
  it('finds CloudFront in the ME multi-service events, recovered (current "0")', () => {
    const body = realPayload('aws-currentevents.json') ?? new Uint8Array();
    const status = expectOk(parseAwsCurrentEvents(body, META));
    expect(status.incidents).toHaveLength(2);
    expect(status.incidents.every((i) => i.phase === 'resolved')).toBe(true);
    expect(status.indicator).toBe('none');
    expect(status.components[0]?.status).toBe('operational');
  });

  it('parses the same payload re-encoded as UTF-16LE with BOM', () => {
    const text = new TextDecoder().decode(realPayload('aws-currentevents.json') ?? new Uint8Array());
    const status = expectOk(parseAwsCurrentEvents(utf16Bytes(text, 'le'), META));
    expect(status.incidents).toHaveLength(2);
  });
});
