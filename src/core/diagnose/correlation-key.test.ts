import { describe, expect, it } from 'vitest';
import { correlationKey } from './correlation-key.ts';

/** Each row: the key, then hosts that differ only in what must not matter (case, trailing dot, port, depth). */
const SAME_KEY: [string, string[]][] = [
  [
    'musinsa.co.kr',
    ['musinsa.co.kr', 'WWW.Musinsa.CO.KR', 'www.musinsa.co.kr.', 'musinsa.co.kr:8443', 'a.b.c.musinsa.co.kr.:443'],
  ],
  ['pages.dev', ['a.pages.dev', 'b.pages.dev', 'deep.preview.c.pages.dev', 'A.PAGES.DEV.:443']],
  ['workers.dev', ['evil.workers.dev', 'x.y.workers.dev:80']],
  ['github.io', ['alice.github.io', 'bob.github.io.']],
  ['vercel.app', ['shop.vercel.app', 'shop-git-main.team.vercel.app']],
  ['netlify.app', ['one.netlify.app']],
  ['herokuapp.com', ['app.herokuapp.com']],
  ['amazonaws.com', ['bucket.s3.amazonaws.com']],
];

const NEVER: string[] = [
  '192.168.0.1',
  '192.168.0.1:8080',
  '10.0.0.1.',
  '::1',
  '[::1]',
  '[2001:db8::1]:443',
  '2001:db8::1',
  'localhost',
  'LOCALHOST:3000',
  'intranet',
  'printer.local',
  'corp.internal',
  'router.lan',
  'nas.home.arpa',
  '1.0.0.127.in-addr.arpa',
  'shop.test',
  'www.example',
  'gone.invalid',
  'abcdefghijklmnop.onion',
  'co.uk',
  'dev',
  '',
];

describe('correlationKey', () => {
  it.each(SAME_KEY)('%s: one key whatever the case, trailing dot, port or subdomain depth', (key, hosts) => {
    for (const host of hosts) expect(correlationKey(host), host).toBe(key);
  });

  it.each(NEVER.map((h) => [h]))('%j never counts', (host) => {
    expect(correlationKey(host)).toBeNull();
  });

  it('treats a listed test TLD as public, and only that one', () => {
    const options = { publicTlds: ['test'] };
    expect(correlationKey('Shop.A.Test.:443', options)).toBe('a.test');
    expect(correlationKey('a.test', options)).toBe('a.test');
    expect(correlationKey('test', options)).toBeNull();
    expect(correlationKey('printer.local', options)).toBeNull();
    expect(correlationKey('127.0.0.1', options)).toBeNull();
    expect(correlationKey('a.pages.dev', options)).toBe('pages.dev');
  });
});
