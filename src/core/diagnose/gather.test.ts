import { describe, expect, it } from 'vitest';
import type { VendorStatus } from '../status/types.ts';
import { decide } from './decide.ts';
import { gatherFacts, type GatherDeps } from './gather.ts';
import { DEFAULT_PROBE_CONFIG } from './probe-config.ts';
import { somePageFacts } from '../../../tests/support/builders.ts';

type Route = Response | 'hang' | 'refuse';
/** A fetch that answers from a table; 'hang' never answers (but honours abort), 'refuse' fails like a closed port. */
function fakeFetch(routes: Record<string, () => Route>, seen: string[] = []) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    seen.push(url);
    const key = Object.keys(routes).find((prefix) => url.startsWith(prefix));
    const route = key ? routes[key]!() : 'refuse';
    if (route === 'refuse') throw new TypeError('Failed to fetch');
    if (route === 'hang') {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return route;
  };
}

const status = (over: Partial<VendorStatus> = {}): VendorStatus => ({
  source: 'https://www.cloudflarestatus.com/api/v2/summary.json',
  vendor: 'cloudflare',
  fetchedAt: 0,
  indicator: 'none',
  rawIndicator: 'none',
  coverage: 'components',
  incidents: [],
  components: [
    {
      id: 'icn',
      name: 'Seoul, South Korea - (ICN)',
      status: 'operational',
      rawStatus: 'operational',
      group: 'Asia',
      colo: 'ICN',
      explains: ['edge-error', 'origin-error', 'challenge-failed'],
    },
    {
      id: 'chl',
      name: 'Turnstile',
      status: 'operational',
      rawStatus: 'operational',
      explains: ['challenge', 'challenge-failed'],
    },
  ],
  ...over,
});

function deps(fetch: GatherDeps['fetch'], over: Partial<GatherDeps> = {}): GatherDeps {
  return {
    fetch,
    config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 200 },
    now: () => performance.now(),
    timeout: (ms) => AbortSignal.timeout(ms),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    vendorStatus: async () => ({ state: 'ok', status: status(), ms: 1 }),
    correlation: async () => ({ hosts: 1, sameColo: false }),
    ...over,
  };
}

const trace = () => new Response('fl=1\nh=shop.example\ncolo=ICN\nwarp=off\ngateway=off\n');

describe('gatherFacts', () => {
  it('a 522 with an operational status page and a live edge is the site', async () => {
    const fetch = fakeFetch({
      'https://shop.example/cdn-cgi/trace': trace,
      'https://shop.example/': () => new Response('', { status: 522, headers: { server: 'cloudflare' } }),
      'https://www.cloudflare.com/': trace,
    });
    const facts = await gatherFacts(deps(fetch), 'https://shop.example/cart', somePageFacts());
    expect(facts.probes).toMatchObject({ origin: 'origin-error', trace: { colo: 'ICN' }, control: true });
    expect(decide(facts, 0)).toMatchObject({ culprit: 'site', rule: 'site-origin' });
  });

  it('"please unblock challenges.cloudflare.com" while the edge answers is the browser', async () => {
    const fetch = fakeFetch({
      'https://shop.example/cdn-cgi/trace': trace,
      'https://shop.example/': () =>
        new Response('', { status: 403, headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' } }),
    });
    const facts = await gatherFacts(
      deps(fetch),
      'https://shop.example/',
      somePageFacts({ kind: 'challenge-failed', code: 403 }),
    );
    expect(decide(facts, 0)).toMatchObject({
      culprit: 'browser',
      advice: [{ key: 'advice_allowChallenges' }, { key: 'advice_disableBlocker' }],
    });
  });

  it("DoH tells the site's broken DNS from your resolver", async () => {
    const page = somePageFacts({ kind: 'network-error', vendor: null, colo: null, code: null, network: 'dns' });
    const up = {
      'https://www.gstatic.com/': () => new Response(null, { status: 204 }),
      'https://www.msftconnecttest.com/': () => new Response('ok'),
    };
    const nx = () => Response.json({ Status: 3 });
    const found = () => Response.json({ Status: 0, Answer: [{ name: 'gone.example', type: 1, data: '192.0.2.7' }] });
    const broken = await gatherFacts(
      deps(fakeFetch({ ...up, 'https://cloudflare-dns.com/': nx, 'https://dns.google/': nx })),
      'https://gone.example/',
      page,
    );
    expect(decide(broken, 0).culprit).toBe('site');
    const filtered = await gatherFacts(
      deps(fakeFetch({ ...up, 'https://cloudflare-dns.com/': found, 'https://dns.google/': nx })),
      'https://gone.example/',
      page,
    );
    expect(decide(filtered, 0)).toMatchObject({ culprit: 'network', rule: 'dns-your-resolver' });
  });

  it('correlation runs after the re-fetch and is told what it came back with', async () => {
    const told: unknown[] = [];
    const answers = [() => new Response('ok'), () => new Response('', { status: 503 }), () => 'refuse' as const];
    for (const answer of answers) {
      await gatherFacts(
        deps(fakeFetch({ 'https://shop.example/': answer }), {
          correlation: async (refetch) => (told.push(refetch), { hosts: 1, sameColo: false }),
        }),
        'https://shop.example/',
        somePageFacts({ kind: 'edge-error', code: 500 }),
      );
    }
    expect(told).toEqual(['ok', 'origin-error', 'unreachable']);
  });

  it('every remote source hanging still gives a verdict within the bound, naming what timed out', async () => {
    const hang = fakeFetch({ https: () => 'hang', http: () => 'hang' });
    // Sources that never settle: only the bounds can end this await, so a verdict at all proves them.
    const facts = await gatherFacts(
      deps(hang, { vendorStatus: () => new Promise(() => undefined), correlation: () => new Promise(() => undefined) }),
      'https://shop.example/',
      somePageFacts({ kind: 'edge-error', code: 500 }),
    );
    expect(facts.sources).toMatchObject({
      'vendor-status': { state: 'timeout' },
      'origin-probe': { state: 'timeout' },
      'trace-probe': { state: 'timeout' },
      correlation: { state: 'timeout' },
    });
    const verdict = decide(facts, 0);
    expect(verdict.culprit).toBe('cdn');
    expect(verdict.acknowledged).toBe('unreachable');
  });

  it('connectivity checks that run out of time are a timeout that still counts 0 of 2 answered', async () => {
    const page = somePageFacts({ kind: 'network-error', vendor: null, colo: null, code: null, network: 'timeout' });
    const facts = await gatherFacts(deps(fakeFetch({ https: () => 'hang' })), 'https://gone.example/', page);
    expect(facts.sources.connectivity).toMatchObject({ state: 'timeout' });
    expect(facts.probes.connectivity).toEqual({ ok: 0, failed: 2 });
    expect(decide(facts, 0).rule).toBe('net-offline');
  });

  it("a status request that timed out on the shared fetcher's clock is a timeout, not a failure", async () => {
    const facts = await gatherFacts(
      deps(fakeFetch({}), {
        vendorStatus: async () => ({ state: 'timeout', reason: 'no answer within 3000 ms', ms: 3000 }),
      }),
      'https://shop.example/',
      somePageFacts({ kind: 'edge-error', code: 500 }),
    );
    expect(facts.sources['vendor-status']).toMatchObject({ state: 'timeout', reason: 'no answer within 3000 ms' });
  });

  it('a status page that answers HTML fails that source, never reads as all clear', async () => {
    const facts = await gatherFacts(
      deps(fakeFetch({}), {
        vendorStatus: async () => ({ state: 'failed', reason: 'HTML where JSON was expected', ms: 3 }),
      }),
      'https://shop.example/',
      somePageFacts({ kind: 'edge-error', code: 500 }),
    );
    expect(facts.vendorStatus).toBeNull();
    expect(facts.sources['vendor-status']).toMatchObject({ state: 'failed', reason: expect.stringContaining('HTML') });
    expect(decide(facts, 0).evidence.map((e) => e.observed.key)).toContain('ev_statusUnreachable');
  });

  it('fetches nothing for a normal page, a block, or an unconfirmed look-alike', async () => {
    const seen: string[] = [];
    const fetch = fakeFetch({}, seen);
    let statusCalls = 0;
    const d = deps(fetch, { vendorStatus: async () => (statusCalls++, { state: 'ok', status: status(), ms: 0 }) });
    await gatherFacts(d, 'https://a.example/', somePageFacts({ kind: 'none', vendor: null, colo: null }));
    await gatherFacts(d, 'https://a.example/', somePageFacts({ unconfirmed: true }));
    await gatherFacts(d, 'https://a.example/', somePageFacts({ kind: 'blocked', vendor: 'akamai' }));
    expect(seen).toEqual([]);
    expect(statusCalls).toBe(0);
  });

  it('sends only the host name to DoH providers, never the path or query', async () => {
    const seen: string[] = [];
    const page = somePageFacts({ kind: 'network-error', vendor: null, colo: null, code: null, network: 'dns' });
    await gatherFacts(deps(fakeFetch({}, seen)), 'https://gone.example/secret/path?token=abc', page);
    const thirdParty = seen.filter((url) => !url.startsWith('https://gone.example/'));
    expect(thirdParty.length).toBeGreaterThan(0);
    expect(thirdParty.join(' ')).not.toMatch(/secret|token/);
  });

  it('onSource: skipped sources are told before any request starts, the others as each settles', async () => {
    const told: Array<[string, string]> = [];
    let requestsWhenFirstRan = -1;
    const fetch = fakeFetch({
      'https://shop.example/cdn-cgi/trace': trace,
      'https://shop.example/': () => new Response('', { status: 522 }),
      'https://www.cloudflare.com/': trace,
    });
    const facts = await gatherFacts(deps(fetch), 'https://shop.example/', somePageFacts(), {
      onSource: (name, state) => {
        if (state.state !== 'skipped' && requestsWhenFirstRan < 0) requestsWhenFirstRan = told.length;
        told.push([name, state.state]);
      },
    });
    const skippedNames = told.filter(([, s]) => s === 'skipped').map(([n]) => n);
    expect(skippedNames.sort()).toEqual(['connectivity', 'doh', 'peers', 'radar', 'site-status']);
    expect(requestsWhenFirstRan).toBe(5);
    expect(told.slice(requestsWhenFirstRan).some(([, s]) => s === 'skipped')).toBe(false);
    expect(told).toHaveLength(10);
    expect(Object.fromEntries(told)).toEqual(
      Object.fromEntries(
        Object.entries(facts.sources)
          .filter(([n]) => n !== 'page')
          .map(([n, s]) => [n, s.state]),
      ),
    );
  });

  it('onDemand: a normal page is checked at the site and its CDN when asked, and only then', async () => {
    const seen: string[] = [];
    const fetch = fakeFetch(
      {
        'https://shop.example/cdn-cgi/trace': trace,
        'https://shop.example/': () => new Response('ok'),
        'https://www.cloudflare.com/': trace,
      },
      seen,
    );
    let correlations = 0;
    const d = deps(fetch, {
      correlation: async () => (correlations++, { hosts: 1, sameColo: false }),
      peers: async () => null,
    });
    const page = somePageFacts({ kind: 'none', code: 200, colo: null });
    await gatherFacts(d, 'https://shop.example/', page);
    expect(seen).toEqual([]);
    const facts = await gatherFacts(d, 'https://shop.example/', page, { onDemand: true });
    expect(seen.sort()).toEqual([
      'https://shop.example/',
      'https://shop.example/cdn-cgi/trace',
      'https://www.cloudflare.com/cdn-cgi/trace',
    ]);
    expect(facts.sources).toMatchObject({
      'vendor-status': { state: 'ok' },
      'origin-probe': { state: 'ok' },
      correlation: { state: 'skipped' },
      peers: { state: 'skipped' },
    });
    expect(correlations).toBe(0);
    expect(decide(facts, 0)).toMatchObject({ culprit: 'none', rule: 'none' });
  });

  it('onDemand does not widen what a failed page asks', async () => {
    const seen: string[] = [];
    await gatherFacts(
      deps(fakeFetch({}, seen)),
      'https://a.example/',
      somePageFacts({ kind: 'blocked', vendor: 'akamai' }),
      {
        onDemand: true,
      },
    );
    expect(seen).toEqual([]);
  });
});
