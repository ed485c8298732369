/**
 * The network a client address belongs to, for limits that one host must not dodge by changing address: an IPv4
 * /24, an IPv6 /56. One IPv6 host routinely holds a whole /64 (2^64 addresses), and residential ISPs delegate a /56
 * (sometimes a /48) per customer, so a /56 is what one subscriber controls without renting more networks; a /64 key
 * would let that subscriber appear as 256 networks. The cost: carriers that hand each phone its own /64 from a shared
 * pool put up to 256 phones in one /56. For IPv4, a /24 is the smallest block routed on the Internet, so one attacker
 * with a few addresses (a cloud VM's extra IPs, a small hosting block) counts once. IPv4-mapped IPv6 addresses
 * (`::ffff:203.0.113.9`, what a dual-stack socket reports) are read as the IPv4 address they carry.
 */
import { hash, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * @example networkOf('203.0.113.9') // '203.0.113.0/24'
 * @example networkOf('2001:db8:abcd:12ff::1') // '2001:db8:abcd:1200::/56'
 * @example networkOf('::ffff:203.0.113.9') // '203.0.113.0/24'
 * @returns the address unchanged when it is neither (e.g. 'unknown'), so such clients still share one key each.
 */
export function networkOf(address: string): string {
  const bare = address
    .trim()
    .replace(/%.*$/, '')
    .replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(bare)) return ipv4Network(bare);
  if (!isIPv6(bare)) return address;
  const groups = expandIpv6(bare);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return ipv4Network(`${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`);
  const kept = [groups[0]!, groups[1]!, groups[2]!, groups[3]! & 0xff00];
  return `${kept.map((group) => group.toString(16)).join(':')}::/56`;
}

function ipv4Network(address: string): string {
  return `${address.split('.').slice(0, 3).join('.')}.0/24`;
}

/** The eight 16-bit groups of a valid IPv6 address, including one with a dotted IPv4 tail. */
function expandIpv6(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * A short salted key for an address's network, to count distinct reporting networks without storing any address or
 * network. The salt lives only in memory and changes every `rotateMs`, so keys cannot be linked across days (a
 * network reporting across the change counts twice for up to an hour, and each node has its own salt).
 * @example const networkKey = createNetworkKeyer({ rotateMs: 86_400_000, now: Date.now }); networkKey('203.0.113.9')
 */
export function createNetworkKeyer(options: { rotateMs: number; now: () => number }): (address: string) => string {
  let salt = randomBytes(32).toString('hex');
  let saltSince = options.now();
  return (address) => {
    const now = options.now();
    if (now - saltSince >= options.rotateMs) {
      salt = randomBytes(32).toString('hex');
      saltSince = now;
    }
    return hash('sha256', salt + networkOf(address), 'hex').slice(0, 16);
  };
}
