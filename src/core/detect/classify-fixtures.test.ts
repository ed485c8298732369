import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHtml, type ParsedPage } from '../../cli/parse-html.ts';
import { DetectionSchema } from './detection-schema.ts';
import { classify, DETECTORS, extractPageMarkers, parseHeaderLines } from './index.ts';
import { DETECTION_KINDS, PLATFORMS, VENDORS } from './types.ts';

const DIR = join(import.meta.dirname, '../../../tests/fixtures/pages');

const FixtureSchema = v.strictObject({
  file: v.string(),
  url: v.pipe(v.string(), v.url()),
  status: v.nullable(v.number()),
  headers: v.nullable(v.array(v.string())),
  detector: v.string(),
  role: v.picklist(['positive', 'negative']),
  expect: v.strictObject({
    vendor: v.nullable(v.picklist(VENDORS)),
    kind: v.picklist(DETECTION_KINDS),
    code: v.nullable(v.number()),
    colo: v.nullable(v.string()),
    unconfirmed: v.boolean(),
    rayId: v.optional(v.string()),
    platform: v.optional(v.picklist(PLATFORMS)),
  }),
  note: v.pipe(v.string(), v.minLength(10)),
});
const FIXTURES = v.parse(v.array(FixtureSchema), JSON.parse(readFileSync(join(DIR, 'fixtures.json'), 'utf8')));

const opened: ParsedPage[] = [];
afterAll(async () => {
  await Promise.all(opened.map((page) => page.close()));
});

describe('classify over tests/fixtures/pages', () => {
  it.each(FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_, fixture) => {
    const source = readFileSync(join(DIR, fixture.file), 'utf8');
    const page = parseHtml(source, fixture.url, fixture.file.endsWith('.txt'));
    opened.push(page);
    const detection = classify({
      url: fixture.url,
      status: fixture.status,
      headers: fixture.headers ? parseHeaderLines(fixture.headers) : null,
      page: extractPageMarkers(page.document),
    });
    expect(v.safeParse(DetectionSchema, detection).success).toBe(true);
    const { rayId, ...expected } = fixture.expect;
    expect({
      vendor: detection.vendor,
      kind: detection.kind,
      code: detection.code,
      colo: detection.colo,
      unconfirmed: detection.unconfirmed,
      platform: detection.platform,
    }).toEqual(expected);
    if (rayId) expect(detection.rayId).toBe(rayId);
    if (detection.kind !== 'none') expect(detection.evidence.length).toBeGreaterThan(0);
  });
});

describe('detector registry', () => {
  it('gives every detector a unique id', () => {
    const ids = DETECTORS.map((detector) => detector.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every vendor of the contract exactly once', () => {
    expect(DETECTORS.map((detector) => detector.vendor).sort()).toEqual([...VENDORS].sort());
  });

  it('names a known detector on every fixture, or `origin-server` for pages no vendor generated', () => {
    const ids = new Set([...DETECTORS.map((detector) => detector.id), 'origin-server']);
    expect(FIXTURES.filter((fixture) => !ids.has(fixture.detector)).map((fixture) => fixture.file)).toEqual([]);
  });

  it('has a failing and a normal page of the sites no vendor fronts', () => {
    const mine = FIXTURES.filter((fixture) => fixture.detector === 'origin-server');
    expect(mine.some((fixture) => fixture.role === 'positive' && fixture.expect.vendor === null)).toBe(true);
    expect(mine.some((fixture) => fixture.role === 'negative' && fixture.expect.kind === 'none')).toBe(true);
  });

  it.each(DETECTORS.map((detector) => [detector.id] as const))('%s has ≥1 positive and ≥1 negative fixture', (id) => {
    const mine = FIXTURES.filter((fixture) => fixture.detector === id);
    const positives = mine.filter((fixture) => fixture.role === 'positive');
    const negatives = mine.filter((fixture) => fixture.role === 'negative');
    expect(positives.length).toBeGreaterThan(0);
    expect(negatives.length).toBeGreaterThan(0);
    // A positive names its detector's vendor with a failure kind; a negative never reports a failure.
    const vendor = DETECTORS.find((detector) => detector.id === id)?.vendor;
    for (const fixture of positives) {
      expect(fixture.expect.vendor).toBe(vendor);
      expect(fixture.expect.kind).not.toBe('none');
    }
    for (const fixture of negatives) expect(fixture.expect.kind).toBe('none');
  });
});
