import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkOf } from './network-key.ts';

describe('networkOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.0/24'],
    ['203.0.113.250', '203.0.113.0/24'],
    ['127.0.0.1', '127.0.0.0/24'],
    ['2001:db8:abcd:12ff::1', '2001:db8:abcd:1200::/56'],
    ['2001:db8:abcd:1200:ffff:ffff:ffff:ffff', '2001:db8:abcd:1200::/56'],
    ['2001:0db8:abcd:12ab:0:0:0:1', '2001:db8:abcd:1200::/56'],
    ['::1', '0:0:0:0::/56'],
    ['fe80::1%eth0', 'fe80:0:0:0::/56'],
    ['[2001:db8::1]', '2001:db8:0:0::/56'],
    ['::ffff:203.0.113.9', '203.0.113.0/24'],
    ['::ffff:cb00:7109', '203.0.113.0/24'],
    ['unknown', 'unknown'],
  ])('%s is in %s', (address, network) => {
    expect(networkOf(address)).toBe(network);
  });

  it('puts every address of one IPv6 /56 in one network, and the next /56 in another', () => {
    const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.array(hex, { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 0xff }), (host, low) => {
        const base = `2001:db8:77:${(0x1200 | low).toString(16)}`;
        expect(networkOf(`${base}:${host.join(':')}`)).toBe('2001:db8:77:1200::/56');
      }),
    );
    expect(networkOf('2001:db8:77:1300::1')).not.toBe(networkOf('2001:db8:77:1200::1'));
  });

  it('keeps IPv4 /24s apart', () => {
    expect(networkOf('198.51.100.1')).not.toBe(networkOf('198.51.101.1'));
  });
});
