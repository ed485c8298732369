import type { HeaderList } from './types.ts';

/** Case-insensitive read access to a header list; repeated names keep every value in order. */
export interface HeaderView {
  /** First value of `name`, or null. */
  get(name: string): string | null;
  /** Every value of `name`, in order. */
  all(name: string): string[];
  has(name: string): boolean;
}

const MAX_HEADERS = 200;
const MAX_VALUE_CHARS = 2000;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/**
 * Indexes headers by lower-cased name. Beyond MAX_HEADERS entries or MAX_VALUE_CHARS per value the rest is
 * ignored, so a hostile response cannot make classification slow.
 */
export function createHeaderView(headers: HeaderList): HeaderView {
  const map = new Map<string, string[]>();
  for (const entry of headers.slice(0, MAX_HEADERS)) {
    const [name, value] = entry;
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    const key = name.trim().toLowerCase();
    const values = map.get(key) ?? [];
    values.push(value.slice(0, MAX_VALUE_CHARS).trim());
    map.set(key, values);
  }
  return {
    get: (name) => map.get(name)?.[0] ?? null,
    all: (name) => map.get(name) ?? [],
    has: (name) => map.has(name),
  };
}

/**
 * Parses `"name: value"` lines (curl -i, DevTools copy, CLI `--header`). Lines without a valid token name
 * and colon are dropped; duplicates are kept in order.
 * @example parseHeaderLines(['Server: cloudflare', 'garbage', 'CF-RAY: 8f1e2d3c4b5a6978-NRT'])
 */
export function parseHeaderLines(lines: readonly string[]): HeaderList {
  const out: Array<readonly [string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) continue;
    out.push([name.toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return out;
}
