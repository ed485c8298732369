import { describe, expect, it } from 'vitest';
import { kindOfCloudflareCode, toErrorSource } from './cloudflare-codes.ts';

describe('kindOfCloudflareCode', () => {
  it.each([
    [522, null, 'origin-error'],
    [500, 'cloudflare', 'edge-error'],
    [502, 'host', 'origin-error'],
    [502, null, 'origin-error'],
    [1020, null, 'blocked'],
    [1015, null, 'blocked'],
    [1016, null, 'site-config'],
    [1033, null, 'site-config'],
    [530, null, 'site-config'],
    [1101, null, 'origin-error'],
    [1040, null, 'site-config'],
    [403, null, 'blocked'],
    [409, null, 'site-config'],
    [200, null, null],
    [null, null, null],
  ] as const)('%s with box %s → %s', (code, source, kind) => {
    expect(kindOfCloudflareCode(code, source)).toBe(kind);
  });

  it('reads the marked box id', () => {
    expect(toErrorSource('cf-host-status')).toBe('host');
    expect(toErrorSource('cf-cloudflare-status')).toBe('cloudflare');
    expect(toErrorSource('something-else')).toBeNull();
    expect(toErrorSource(null)).toBeNull();
  });
});
