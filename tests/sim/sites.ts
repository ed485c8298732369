/**
 * What the installs visit: sites behind each CDN, some visited everywhere and some only in one region, with
 * popularity following Zipf's law (the k-th most visited site gets 1/k of the top one's visits), as page-view
 * rankings do. A site is named like `cloudflare-kr-17.co.kr` so the real client code hashes a real-looking
 * registrable domain.
 *
 * Page-load shares per CDN are assumptions in the range of W3Techs' usage surveys (Cloudflare in front of about a
 * fifth of websites, fewer among Korea's largest sites, which favour Akamai and their own networks). Sites with no
 * CDN in front are left out: their reports carry vendor `unknown`, which the radar never counts.
 */
import type { RadarVendor } from '../../src/core/radar/radar-wire.ts';
import type { Region } from './population.ts';
import type { Random } from './prng.ts';

type Scope = Region | 'global';

export interface Site {
  vendor: RadarVendor;
  scope: Scope;
  /** 1 = most visited in its scope. */
  rank: number;
  host: string;
}

/** Share of an install's page loads that land on each CDN, by region; the rest go to sites with no CDN. */
const VENDOR_SHARES: Readonly<Record<Region, ReadonlyArray<readonly [RadarVendor, number]>>> = {
  KR: [
    ['cloudflare', 0.15],
    ['cloudfront', 0.1],
    ['akamai', 0.12],
    ['fastly', 0.03],
    ['google', 0.12],
    ['azure', 0.02],
    ['vercel', 0.01],
  ],
  US: [
    ['cloudflare', 0.2],
    ['cloudfront', 0.1],
    ['akamai', 0.07],
    ['fastly', 0.06],
    ['google', 0.12],
    ['azure', 0.02],
    ['vercel', 0.02],
    ['netlify', 0.01],
    ['imperva', 0.01],
  ],
  EU: [
    ['cloudflare', 0.2],
    ['cloudfront', 0.1],
    ['akamai', 0.06],
    ['fastly', 0.05],
    ['google', 0.12],
    ['azure', 0.02],
    ['vercel', 0.02],
    ['bunny', 0.01],
    ['sucuri', 0.005],
  ],
};

/** Sites per CDN share point: Cloudflare's 0.2 gives 10,000 sites visited everywhere and 20,000 per region. */
const GLOBAL_SITES_PER_SHARE = 50_000;
const REGIONAL_SITES_PER_SHARE = 100_000;
/** Half of a region's visits to a CDN go to sites visited everywhere, half to the region's own. */
const GLOBAL_VISIT_SHARE = 0.5;

const SUFFIXES: Readonly<Record<Scope, string>> = { global: 'com', KR: 'co.kr', US: 'us', EU: 'eu' };

/** Cumulative Zipf weights for ranks 1..n, for a binary search. */
function zipfTable(n: number): Float64Array {
  const table = new Float64Array(n);
  let total = 0;
  for (let rank = 1; rank <= n; rank++) {
    total += 1 / rank;
    table[rank - 1] = total;
  }
  return table;
}

function drawRank(table: Float64Array, random: Random): number {
  const target = random.next() * table[table.length - 1]!;
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (table[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

/** The catalogue: draws the site of one page load, or null when it went to a site with no CDN. */
export function createCatalog() {
  /** Per (vendor, scope): the Zipf table and the sites met so far, by rank (built once each: draws are hot). */
  const scopes = new Map<string, { table: Float64Array; sites: Site[] }>();
  const sizeOf = (vendor: RadarVendor, scope: Scope) => {
    const shares = Object.values(VENDOR_SHARES).map((list) => list.find(([name]) => name === vendor)?.[1] ?? 0);
    return Math.max(
      50,
      Math.round(Math.max(...shares) * (scope === 'global' ? GLOBAL_SITES_PER_SHARE : REGIONAL_SITES_PER_SHARE)),
    );
  };
  function scopeOf(vendor: RadarVendor, scope: Scope) {
    const key = `${vendor}|${scope}`;
    let known = scopes.get(key);
    if (!known) {
      known = { table: zipfTable(sizeOf(vendor, scope)), sites: [] };
      scopes.set(key, known);
    }
    return known;
  }
  function site(vendor: RadarVendor, scope: Scope, rank: number): Site {
    const { sites } = scopeOf(vendor, scope);
    let known = sites[rank];
    if (!known) {
      known = { vendor, scope, rank, host: `${vendor}-${scope.toLowerCase()}-${rank}.${SUFFIXES[scope]}` };
      sites[rank] = known;
    }
    return known;
  }
  function draw(region: Region, random: Random): Site | null {
    let left = random.next();
    for (const [vendor, share] of VENDOR_SHARES[region]) {
      left -= share;
      if (left >= 0) continue;
      const scope: Scope = random.next() < GLOBAL_VISIT_SHARE ? 'global' : region;
      return site(vendor, scope, drawRank(scopeOf(vendor, scope).table, random));
    }
    return null;
  }
  /** Every (vendor, scope) catalogue and its size, for choosing which sites an incident hits. */
  function all(): Array<{ vendor: RadarVendor; scope: Scope; size: number }> {
    const vendors = new Set(Object.values(VENDOR_SHARES).flatMap((list) => list.map(([vendor]) => vendor)));
    const scopeNames: Scope[] = ['global', 'KR', 'US', 'EU'];
    return [...vendors].flatMap((vendor) =>
      scopeNames.map((scope) => ({ vendor, scope, size: sizeOf(vendor, scope) })),
    );
  }
  return { draw, site, scopes: all };
}

export type Catalog = ReturnType<typeof createCatalog>;
