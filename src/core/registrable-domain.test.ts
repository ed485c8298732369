import { describe, expect, it } from 'vitest';
import { publicSiteOf, registrableDomain } from './registrable-domain.ts';

describe('registrableDomain', () => {
  it('groups hosts by registrable domain, with private suffixes as their own sites', () => {
    expect(registrableDomain('www.musinsa.co.kr')).toBe('musinsa.co.kr');
    expect(registrableDomain('api.upbit.com')).toBe('upbit.com');
    expect(registrableDomain('user.github.io')).toBe('user.github.io');
  });

  it('keeps a host that has no registrable domain', () => {
    expect(registrableDomain('192.168.0.1')).toBe('192.168.0.1');
    expect(registrableDomain('localhost')).toBe('localhost');
  });
});

describe('publicSiteOf', () => {
  it('names the public site, private suffixes included', () => {
    expect(publicSiteOf('www.musinsa.co.kr')).toBe('musinsa.co.kr');
    expect(publicSiteOf('user.github.io')).toBe('user.github.io');
  });

  it('never names IP addresses or intranet names', () => {
    for (const host of [
      '192.168.0.1',
      '[::1]',
      'localhost',
      'printer.local',
      'intranet',
      'corp.internal',
      'router.lan',
      'nas.home.arpa',
      'shop.test',
    ])
      expect(publicSiteOf(host)).toBeNull();
  });
});
