import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashHost, prefixNumber, prefixOf, toHex, type Sha256 } from './host-hash.ts';

const sha256: Sha256 = async (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest());
const subtleSha256: Sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

describe('hashHost', () => {
  it('matches the known SHA-256 of example.com', async () => {
    expect(await hashHost('example.com', sha256)).toBe(
      'a379a6f6eeafb9a55e378c118034e2751e682fab9f2d30ab13d2125586ce1947',
    );
  });

  it('normalises case, whitespace and the trailing dot', async () => {
    expect(await hashHost(' Example.COM. ', sha256)).toBe(await hashHost('example.com', sha256));
  });

  it('gives the same answer with WebCrypto as with node:crypto', async () => {
    expect(await hashHost('bbc.co.uk', subtleSha256)).toBe(await hashHost('bbc.co.uk', sha256));
  });
});

describe('prefix helpers', () => {
  it('takes the first 4 hex chars and reads them as a number', () => {
    expect(prefixOf('a379a6f6eeaf')).toBe('a379');
    expect(prefixNumber('00ff')).toBe(255);
    expect(prefixNumber('ffff')).toBe(65535);
  });

  it('toHex agrees with Buffer hex for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      }),
    );
  });
});
