/**
 * Property tests: every parser, fed malformed, wrongly-typed, HTML, UTF-16 and random input, never throws,
 * always returns a valid ParseResult, and never says `ok` for input that is not a status payload.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAwsCurrentEvents } from './aws.ts';
import { parseAzureStatusFeed } from './azure.ts';
import { parseCloudflareSummary } from './cloudflare.ts';
import { parseFastlyStatusFeed } from './fastly.ts';
import { parseGcpIncidents } from './gcp.ts';
import { parseStatuspageSummary } from './statuspage.ts';
import { parseStatuspageStatus } from './statuspage-status.ts';
import type { StatusParser } from './types.ts';
import { rfc822, rss } from '../../../tests/support/status/rss-feeds.ts';
import { NOW, metaFor, utf16Bytes } from '../../../tests/support/status/parse-helpers.ts';
import { isValidParseResult } from '../../../tests/support/status/parse-result-schema.ts';
import { cloudflareSummary, incident } from '../../../tests/support/status/statuspage-payloads.ts';

const RUNS = { numRuns: 10_000 };
const META = metaFor('https://status.test/x');

const AWS_SAMPLE = JSON.stringify([
  {
    date: '1786765379',
    arn: 'arn:1',
    status: '2',
    service: 'cloudfront',
    service_name: 'Amazon CloudFront',
    summary: 'Errors',
    event_log: [],
  },
]);
const GCP_SAMPLE = JSON.stringify([
  {
    id: 'a',
    begin: '2026-08-16T10:00:00+00:00',
    end: null,
    external_desc: 'CDN errors',
    status_impact: 'SERVICE_OUTAGE',
    affected_products: [{ title: 'Cloud CDN', id: 'x' }],
  },
]);
const FEED_SAMPLE = rss('Feed', [
  {
    title: 'Azure Front Door - errors (IAD)',
    description: 'Investigating',
    guid: '/1/2',
    link: 'https://x/incident/1',
    pubDate: rfc822(NOW),
  },
]);

interface Subject {
  name: string;
  parse: StatusParser;
  sample: string;
  /** Inputs that are genuinely status payloads even though a generator can produce them (`[]` = no events). */
  isLegit: (text: string) => boolean;
}

const isEmptyArray = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text.replace(/^\ufeff/, ''));
    return Array.isArray(value) && value.length === 0;
  } catch {
    return false;
  }
};
const never = (): boolean => false;

const SUBJECTS: Subject[] = [
  {
    name: 'Statuspage summary',
    parse: (b, m) => parseStatuspageSummary(b, m, { vendor: 'vercel' }),
    sample: JSON.stringify(cloudflareSummary({ incidents: [incident({ id: 'i', name: 'x' })] })),
    isLegit: never,
  },
  {
    name: 'Statuspage status',
    parse: (b, m) => parseStatuspageStatus(b, m, 'site'),
    sample: JSON.stringify({ page: { name: 'P', url: 'u' }, status: { indicator: 'none' } }),
    isLegit: never,
  },
  {
    name: 'Cloudflare summary',
    parse: parseCloudflareSummary,
    sample: JSON.stringify(cloudflareSummary()),
    isLegit: never,
  },
  { name: 'AWS currentevents', parse: parseAwsCurrentEvents, sample: AWS_SAMPLE, isLegit: isEmptyArray },
  { name: 'GCP incidents', parse: parseGcpIncidents, sample: GCP_SAMPLE, isLegit: isEmptyArray },
  { name: 'Azure feed', parse: parseAzureStatusFeed, sample: FEED_SAMPLE, isLegit: never },
  { name: 'Fastly feed', parse: parseFastlyStatusFeed, sample: FEED_SAMPLE, isLegit: never },
];

interface Junk {
  input: string | Uint8Array;
  /** The logical text behind the input, for the legitimacy oracle; null for random bytes. */
  text: string | null;
}

/** Inputs that are not status payloads (bar the rare legit `[]`), as text or bytes in several encodings. */
function junk(sample: string): fc.Arbitrary<Junk> {
  const whole = sample.trimEnd();
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc
      .record({
        page: fc.jsonValue({ maxDepth: 2 }),
        status: fc.jsonValue({ maxDepth: 2 }),
        components: fc.jsonValue({ maxDepth: 2 }),
      })
      .map((o) => JSON.stringify(o)),
    fc
      .array(
        fc.record({
          service: fc.jsonValue({ maxDepth: 1 }),
          status: fc.jsonValue({ maxDepth: 1 }),
          id: fc.jsonValue({ maxDepth: 1 }),
        }),
        { maxLength: 3 },
      )
      .map((a) => JSON.stringify(a)),
    fc
      .tuple(
        fc.constantFrom(
          '<!DOCTYPE html>',
          '<html><head><title>Just a moment...</title>',
          '<?xml version="1.0"?><feed>',
          '<body>',
        ),
        fc.string({ maxLength: 100 }),
      )
      .map(([a, b]) => a + b),
    // Strict prefixes of a valid payload: a truncated download.
    fc.nat({ max: whole.length - 1 }).map((n) => whole.slice(0, n)),
  );
  return fc.oneof(
    text.map((t) => ({ input: t, text: t })),
    text.map((t) => ({ input: new TextEncoder().encode(t), text: t })),
    text.map((t) => ({ input: utf16Bytes(t, 'le'), text: t })),
    text.map((t) => ({ input: utf16Bytes(t, 'be', false), text: t })),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ input: bytes, text: null })),
  );
}

describe.each(SUBJECTS)('$name parser properties', ({ parse, sample, isLegit }) => {
  it('accepts its own well-formed sample (so the properties below are not vacuous)', () => {
    expect(parse(sample, META).state).toBe('ok');
  });

  it('never throws, always returns a valid result, and fails on non-status input', () => {
    fc.assert(
      fc.property(junk(sample), fc.constantFrom(200, 200, 301, 404, 500), ({ input, text }, httpStatus) => {
        const result = parse(input, { ...META, httpStatus });
        expect(isValidParseResult(result)).toBe(true);
        if (result.state === 'ok') expect(httpStatus === 200 && text !== null && isLegit(text)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('Statuspage semantics under mutation', () => {
  const base = cloudflareSummary();
  it('never reports none/operational for an indicator or component status it does not recognise', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 2 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        (indicator, componentStatus, cloudflare) => {
          const components = (base.components as Array<Record<string, unknown>>).map((c) =>
            c.id === 'cdn1' ? { ...c, status: componentStatus } : c,
          );
          const body = JSON.stringify({ ...base, status: { indicator }, components });
          const result = cloudflare
            ? parseCloudflareSummary(body, META)
            : parseStatuspageSummary(body, META, { vendor: 'vercel' });
          expect(isValidParseResult(result)).toBe(true);
          if (typeof indicator !== 'string' || typeof componentStatus !== 'string') {
            expect(result.state).toBe('failed');
            return;
          }
          if (result.state !== 'ok') throw new Error(result.reason);
          const relabelled = cloudflare && indicator === 'minor' && componentStatus === 'operational';
          if (result.status.indicator === 'none') expect(indicator === 'none' || relabelled).toBe(true);
          const cdn = result.status.components.find((c) => c.id === 'cdn1');
          if (cdn?.status === 'operational') expect(componentStatus).toBe('operational');
        },
      ),
      RUNS,
    );
  });
});

describe('RSS tag soup', () => {
  const tokens = [
    '<rss>',
    '<channel>',
    '<item>',
    '</item>',
    '<title>',
    '</title>',
    '<guid>',
    '</guid>',
    '</channel>',
    '</rss>',
    '<![CDATA[',
    ']]>',
    '&amp;',
    '&#x41;',
    '&#xD800;',
    'text',
    '<pubDate>Sun, 16 Aug 2026 10:00:00 GMT</pubDate>',
    '<description>',
    '</description>',
    '<',
    '>',
  ];
  it.each([parseAzureStatusFeed, parseFastlyStatusFeed])('%# never throws and stays valid', (parse) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 40 }), (parts) => {
        expect(isValidParseResult(parse(parts.join(''), META))).toBe(true);
      }),
      RUNS,
    );
  });
});
