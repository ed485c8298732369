import { describe, expect, it } from 'vitest';
import { decodeBody, parseTime, readJsonBody, readRssBody } from './decode-body.ts';
import { metaFor, utf16Bytes, utf8Bytes } from '../../../tests/support/status/parse-helpers.ts';

const META = metaFor('https://status.test/x');
const TEXT = '[{"name":"Seoul — 서울"}]';

describe('decodeBody', () => {
  it.each([
    ['UTF-16LE + BOM (FF FE)', utf16Bytes(TEXT, 'le')],
    ['UTF-16BE + BOM (FE FF)', utf16Bytes(TEXT, 'be')],
    ['UTF-16LE, no BOM', utf16Bytes(TEXT, 'le', false)],
    ['UTF-16BE, no BOM', utf16Bytes(TEXT, 'be', false)],
    ['UTF-8 + BOM', utf8Bytes(TEXT, true)],
    ['UTF-8', utf8Bytes(TEXT)],
    ['a string with a BOM', `\ufeff${TEXT}`],
  ])('decodes %s', (_label, body) => {
    expect(decodeBody(body)).toEqual({ ok: true, value: TEXT });
  });

  it('starts with the BOM bytes exactly as sniffed', () => {
    expect([...utf16Bytes('[', 'le').subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...utf16Bytes('[', 'be').subarray(0, 2)]).toEqual([0xfe, 0xff]);
  });

  it('fails on invalid UTF-8 and on a lone UTF-16 surrogate', () => {
    expect(decodeBody(new Uint8Array([0xc3, 0x28])).ok).toBe(false);
    expect(decodeBody(new Uint8Array([0xff, 0xfe, 0x00, 0xd8])).ok).toBe(false);
  });

  it('enforces the size cap', () => {
    expect(decodeBody(new Uint8Array(11), 10)).toEqual({ ok: false, reason: 'body too large (> 10 bytes)' });
    expect(decodeBody('x'.repeat(11), 10).ok).toBe(false);
  });
});

describe('readJsonBody / readRssBody', () => {
  it('parses JSON and refuses markup, redirects and errors', () => {
    expect(readJsonBody('{"a":1}', META)).toEqual({ ok: true, value: { a: 1 } });
    expect(readJsonBody('{"a":1}', { ...META, httpStatus: 302 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/redirect/),
    });
    expect(readJsonBody('{"a":1}', { ...META, httpStatus: 0 })).toMatchObject({ ok: false });
    expect(readJsonBody('\n <html>', META)).toMatchObject({ ok: false, reason: expect.stringMatching(/HTML/) });
  });

  it('accepts an RSS document and refuses others', () => {
    expect(readRssBody('<?xml version="1.0"?><rss version="2.0"></rss>', META).ok).toBe(true);
    expect(readRssBody('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', META).ok).toBe(false);
  });
});

describe('parseTime', () => {
  it('returns epoch ms or null', () => {
    expect(parseTime('2026-08-16T16:57:43.823Z')).toBe(Date.UTC(2026, 7, 16, 16, 57, 43, 823));
    expect(parseTime('not a date')).toBeNull();
    expect(parseTime(null)).toBeNull();
  });
});
