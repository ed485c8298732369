import { describe, expect, it } from 'vitest';
import { createHeaderView, parseHeaderLines } from './headers.ts';

describe('parseHeaderLines', () => {
  it('parses name: value lines, lower-cases names and trims values', () => {
    expect(parseHeaderLines(['Server:  cloudflare ', 'CF-RAY: 8f1e2d3c4b5a6978-NRT'])).toEqual([
      ['server', 'cloudflare'],
      ['cf-ray', '8f1e2d3c4b5a6978-NRT'],
    ]);
  });

  it('keeps duplicates in order and values containing colons', () => {
    expect(parseHeaderLines(['set-cookie: a=1', 'Set-Cookie: b=2', 'x-when: 10:11:12'])).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['x-when', '10:11:12'],
    ]);
  });

  it('drops garbage lines', () => {
    expect(parseHeaderLines(['', 'no colon here', ': empty name', 'bad name: x', 'HTTP/1.1 200 OK', 'ok: 1'])).toEqual([
      ['ok', '1'],
    ]);
  });
});

describe('createHeaderView', () => {
  it('reads names case-insensitively and keeps every value', () => {
    const view = createHeaderView([
      ['Via', '1.1 varnish'],
      ['via', '1.1 google'],
    ]);
    expect(view.get('via')).toBe('1.1 varnish');
    expect(view.all('via')).toEqual(['1.1 varnish', '1.1 google']);
    expect(view.has('x-none')).toBe(false);
  });

  it('bounds what it keeps from a hostile header list', () => {
    const list = Array.from({ length: 1000 }, (_, i) => [`x-${i}`, 'v'.repeat(10_000)] as const);
    const view = createHeaderView(list);
    expect(view.get('x-0')).toHaveLength(2000);
    expect(view.has('x-500')).toBe(false);
  });
});
