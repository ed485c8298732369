/**
 * What a diagnosis asks about which names: DNS-over-HTTPS gets the host name alone, and the site's own status page is
 * asked only for a public name, and only for the failures its servers being down can explain.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkErrorCategory } from '../network/network-error.ts';
import { gatherFacts, type GatherDeps } from './gather.ts';
import { DEFAULT_PROBE_CONFIG } from './probe-config.ts';
import { somePageFacts } from '../../../tests/support/builders.ts';

function world() {
  const fetched: string[] = [];
  const statusAsked: string[] = [];
  const deps: GatherDeps = {
    fetch: async (url) => {
      fetched.push(url);
      return new Response(null, { status: 204 });
    },
    config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 200 },
    now: () => performance.now(),
    timeout: (ms) => AbortSignal.timeout(ms),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    vendorStatus: async () => ({ state: 'skipped', reason: 'not asked here', ms: 0 }),
    siteStatus: async (site) => {
      statusAsked.push(site);
      return { state: 'skipped', reason: 'no status page', ms: 0 };
    },
    correlation: async () => ({ hosts: 1, sameColo: false }),
  };
  return { deps, fetched, statusAsked };
}

const networkPage = (network: NetworkErrorCategory) =>
  somePageFacts({ kind: 'network-error', vendor: null, colo: null, code: null, network });

describe('DNS-over-HTTPS', () => {
  it('is asked about the host name, never host:port', async () => {
    const w = world();
    await gatherFacts(w.deps, 'https://shop.example.com:8443/cart?id=1', networkPage('dns'));
    const names = w.fetched.filter((u) => u.includes('name=')).map((u) => new URL(u).searchParams.get('name'));
    expect(names).toEqual(['shop.example.com', 'shop.example.com']);
  });
});

describe("the site's own status page", () => {
  it.each([
    'http://192.168.1.1/',
    'http://[fd00::1]:8080/',
    'http://localhost:3000/',
    'http://intranet/',
    'http://printer.local/',
    'https://wiki.corp.internal/',
    'http://router.lan/',
    'http://nas.home.arpa/',
  ])('is never asked about %s, a name that is not public', async (url) => {
    const w = world();
    const facts = await gatherFacts(w.deps, url, somePageFacts());
    expect(w.statusAsked).toEqual([]);
    expect(facts.sources['site-status']).toMatchObject({ state: 'skipped', reason: 'not a public site name' });
  });

  it('is asked by the registrable domain of a public name, without the port', async () => {
    const w = world();
    await gatherFacts(w.deps, 'https://www.shop.co.kr:8443/', somePageFacts());
    expect(w.statusAsked).toEqual(['shop.co.kr']);
  });

  it.each<[NetworkErrorCategory, boolean]>([
    ['refused', true],
    ['timeout', true],
    ['reset', true],
    ['dns', false],
    ['tls', false],
    ['offline', false],
    ['other', false],
  ])('after a %s error, is asked: %s', async (network, asked) => {
    const w = world();
    await gatherFacts(w.deps, 'https://shop.example.com/', networkPage(network));
    expect(w.statusAsked).toEqual(asked ? ['example.com'] : []);
  });
});

describe('/cdn-cgi/trace', () => {
  it.each([
    [false, ['https://shop.example.com/cdn-cgi/trace']],
    [true, []],
  ])('for a Cloudflare block page (unconfirmed: %s) asks %j', async (unconfirmed, traces) => {
    const w = world();
    await gatherFacts(w.deps, 'https://shop.example.com/', somePageFacts({ kind: 'blocked', unconfirmed }));
    expect(w.fetched.filter((u) => u.endsWith('/cdn-cgi/trace'))).toEqual(traces);
  });
});
