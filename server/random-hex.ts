import { randomBytes } from 'node:crypto';

/**
 * Random lowercase hex from a pooled buffer: one `randomBytes` call per 8 KiB instead of one per dummy entry,
 * which profiling showed to be the largest cost of a prefix lookup (32 calls per response).
 * @example const randomHex = createRandomHex(); randomHex(60).length // 60
 */
export function createRandomHex(poolBytes = 8192): (chars: number) => string {
  let pool = randomBytes(poolBytes);
  let offset = 0;
  return (chars) => {
    const bytes = Math.ceil(chars / 2);
    if (offset + bytes > pool.length) {
      pool = randomBytes(Math.max(poolBytes, bytes));
      offset = 0;
    }
    const hex = pool.toString('hex', offset, offset + bytes).slice(0, chars);
    offset += bytes;
    return hex;
  };
}
