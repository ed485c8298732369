import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { classify, parseHeaderLines } from '../core/detect/index.ts';
import { MAX_DEPTH, MAX_PARSE_CHARS, readPage } from './read-page.ts';

const DIR = join(import.meta.dirname, '../../tests/fixtures/pages');

/** The fields of fixtures.json this test reads; the full schema is checked in core's classify-fixtures test. */
const FixtureSchema = v.object({
  file: v.string(),
  url: v.string(),
  status: v.nullable(v.number()),
  headers: v.nullable(v.array(v.string())),
  expect: v.object({
    vendor: v.nullable(v.string()),
    kind: v.string(),
    code: v.nullable(v.number()),
    colo: v.nullable(v.string()),
    unconfirmed: v.boolean(),
    platform: v.optional(v.string()),
  }),
});
const FIXTURES = v.parse(v.array(FixtureSchema), JSON.parse(readFileSync(join(DIR, 'fixtures.json'), 'utf8')));

describe('readPage, the CLI reader', () => {
  it.each(FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s classifies as labelled', (_, fixture) => {
    const source = readFileSync(join(DIR, fixture.file), 'utf8');
    const { markers } = readPage(source, fixture.file.endsWith('.txt'));
    const detection = classify({
      url: fixture.url,
      status: fixture.status,
      headers: fixture.headers ? parseHeaderLines(fixture.headers) : null,
      page: markers,
    });
    const { vendor, kind, code, colo, unconfirmed, platform } = detection;
    expect({ vendor, kind, code, colo, unconfirmed, platform }).toEqual(fixture.expect);
  });

  it('shows a text/plain body as a browser does, in a lone <pre>, markup included as text', () => {
    const { markers } = readPage('error code: 1020 <b>&amp;</b>', true);
    expect(markers.isPlainText).toBe(true);
    expect(markers.text).toBe('error code: 1020 <b>&amp;</b>');
    expect(markers.ids).toEqual([]);
  });

  it('reads only the first MAX_PARSE_CHARS characters of a larger page, and says so', () => {
    const filler = '<div>x</div>'.repeat(Math.ceil(MAX_PARSE_CHARS / 12) + 1000);
    const small = readPage('<title>Down</title><p id="late">late</p>', false);
    const large = readPage(`<title>Down</title>${filler}<p id="late">late</p>`, false);
    expect([small.partial, small.markers.ids]).toEqual([null, ['late']]);
    expect(large.partial).toMatch(/only the first 524288 were classified$/);
    expect([large.markers.title, large.markers.ids]).toEqual(['Down', []]);
  });

  it.each([
    ['<div>', 'unclosed elements'],
    ['<template>', 'nested templates, whose content starts a tree of its own'],
  ])('stops at MAX_DEPTH on 100,000 nested %s (%s) and says so', (tag) => {
    const { markers, partial } = readPage(`<title>deep</title><p id="top">top</p>${tag.repeat(100_000)}`, false);
    expect(partial).toBe(`elements nested over ${MAX_DEPTH} deep; only what precedes them was classified`);
    expect([markers.title, markers.ids]).toEqual(['deep', ['top']]);
  });
});
