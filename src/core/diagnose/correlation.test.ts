import { describe, expect, it } from 'vitest';
import { correlate, isConfirmedFailure, isErrorStatus, recordFailure, type FailureRecord } from './correlation.ts';

const T0 = Date.UTC(2025, 10, 18, 11, 20);
const fail = (site: string, at: number, over: Partial<FailureRecord> = {}): FailureRecord => ({
  site,
  chain: site,
  vendor: 'cloudflare',
  colo: 'ICN',
  kind: 'edge-error',
  at,
  ...over,
});
const subject = (site: string, over: { chain?: string; colo?: string | null } = {}) => ({
  site,
  chain: over.chain ?? site,
  vendor: 'cloudflare' as const,
  colo: over.colo === undefined ? 'ICN' : over.colo,
});

describe('local correlation', () => {
  it('18 Nov replay: three unrelated Cloudflare sites within two minutes correlate, in the same colo', () => {
    let log: FailureRecord[] = [];
    for (const [site, minute] of [
      ['chatgpt.com', 0],
      ['x.com', 1],
      ['baemin.com', 2],
    ] as const) {
      log = recordFailure(log, fail(site, T0 + minute * 60_000), T0 + minute * 60_000);
    }
    expect(correlate(log, subject('baemin.com'), T0 + 120_000)).toEqual({ hosts: 3, sameColo: true });
  });

  it('does not count the same site twice, other vendors, blocks, or failures outside the window', () => {
    let log: FailureRecord[] = [];
    log = recordFailure(log, fail('a.com', T0), T0);
    log = recordFailure(log, fail('a.com', T0 + 1), T0 + 1);
    log = recordFailure(log, fail('b.com', T0, { vendor: 'fastly' }), T0);
    log = recordFailure(log, fail('c.com', T0, { kind: 'blocked' }), T0);
    log = recordFailure(log, fail('d.com', T0 - 11 * 60_000), T0 - 11 * 60_000);
    expect(correlate(log, subject('e.com', { colo: null }), T0 + 1000).hosts).toBe(2);
  });

  it('one navigation chain counts once, however many sites it passed through', () => {
    // evil.example opened (or redirected to) three other failing sites: one site, not four.
    const log = ['one.com', 'two.com', 'three.com'].map((site) => fail(site, T0, { chain: 'evil.example' }));
    expect(correlate(log, subject('evil.example'), T0).hosts).toBe(1);
    expect(correlate(log, subject('four.com', { chain: 'evil.example' }), T0).hosts).toBe(1);
    // Another site, reached on its own, is unrelated to the chain: two.
    expect(correlate(log, subject('shop.com'), T0)).toEqual({ hosts: 2, sameColo: true });
  });

  it('chains join through the sites they share', () => {
    const log = [fail('a.com', T0, { chain: 'x.com' }), fail('b.com', T0, { chain: 'a.com' }), fail('c.com', T0)];
    expect(correlate(log, subject('d.com'), T0).hosts).toBe(3);
  });

  it('keeps the log bounded', () => {
    let log: FailureRecord[] = [];
    for (let i = 0; i < 1000; i++) log = recordFailure(log, fail(`s${i}.com`, T0 + i), T0 + i);
    expect(log).toHaveLength(200);
  });
});

describe('what may enter the log', () => {
  it.each([
    [200, false],
    [204, false],
    [301, false],
    [399, false],
    [null, false],
    [403, true],
    [500, true],
    [522, true],
  ] as const)('main-frame status %s is an error: %s', (status, error) => {
    expect(isErrorStatus(status)).toBe(error);
  });

  it.each([
    ['cdn-error', true],
    ['origin-error', true],
    ['unreachable', true],
    ['ok', false],
    [null, false],
  ] as const)('a re-fetch that came back %s confirms the failure: %s', (refetch, confirmed) => {
    expect(isConfirmedFailure(refetch)).toBe(confirmed);
  });
});
