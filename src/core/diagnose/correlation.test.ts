import { describe, expect, it } from 'vitest';
import { correlate, recordFailure, type FailureRecord } from './correlation.ts';

const T0 = Date.UTC(2025, 10, 18, 11, 20);
const fail = (site: string, at: number, over: Partial<FailureRecord> = {}): FailureRecord => ({
  site,
  vendor: 'cloudflare',
  colo: 'ICN',
  kind: 'edge-error',
  at,
  ...over,
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
    expect(correlate(log, { site: 'baemin.com', vendor: 'cloudflare', colo: 'ICN' }, T0 + 120_000)).toEqual({
      hosts: 3,
      sameColo: true,
    });
  });

  it('does not count the same site twice, other vendors, blocks, or failures outside the window', () => {
    let log: FailureRecord[] = [];
    log = recordFailure(log, fail('a.com', T0), T0);
    log = recordFailure(log, fail('a.com', T0 + 1), T0 + 1);
    log = recordFailure(log, fail('b.com', T0, { vendor: 'fastly' }), T0);
    log = recordFailure(log, fail('c.com', T0, { kind: 'blocked' }), T0);
    log = recordFailure(log, fail('d.com', T0 - 11 * 60_000), T0 - 11 * 60_000);
    expect(correlate(log, { site: 'e.com', vendor: 'cloudflare', colo: null }, T0 + 1000).hosts).toBe(2);
  });

  it('keeps the log bounded', () => {
    let log: FailureRecord[] = [];
    for (let i = 0; i < 1000; i++) log = recordFailure(log, fail(`s${i}.com`, T0 + i), T0 + i);
    expect(log).toHaveLength(200);
  });
});
