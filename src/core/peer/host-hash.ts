/** Host hashing for peer lookups: the server only sees SHA-256 hashes of registrable domains and 4-hex prefixes. */

/**
 * Injected so core stays free of node:crypto.
 * @example const sha256: Sha256 = (b) => crypto.subtle.digest('SHA-256', b).then((d) => new Uint8Array(d));
 */
export type Sha256 = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;

const HEX_DIGITS = '0123456789abcdef';

/**
 * Lowercase hex of some bytes.
 * @example toHex(new Uint8Array([0, 255])) // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  }
  return out;
}

/**
 * Hex SHA-256 of a registrable domain, normalised (trimmed, lowercased, trailing dot dropped) so that
 * `Example.COM.` and `example.com` land on the same hash. Pass the registrable domain (eTLD+1), never a full host.
 * @example await hashHost('example.com', sha256) // 'a379a6f6eeafb9a55e378c118034e2751e682fab9f2d30ab13d2125586ce1947'
 */
export async function hashHost(registrableDomain: string, sha256: Sha256): Promise<string> {
  const normalised = registrableDomain.trim().toLowerCase().replace(/\.$/, '');
  return toHex(await sha256(new TextEncoder().encode(normalised)));
}

/**
 * The 4-hex bucket a host hash belongs to; this is all a lookup reveals to the server.
 * @example prefixOf('a379a6f6…') // 'a379'
 */
export function prefixOf(hostHash: string): string {
  return hostHash.slice(0, 4);
}

/**
 * The prefix as a number 0..65535 (how the server indexes buckets).
 * @example prefixNumber('00ff') // 255
 */
export function prefixNumber(prefix: string): number {
  return Number.parseInt(prefix.slice(0, 4), 16);
}
