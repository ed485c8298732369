import { describe, expect, it } from 'vitest';
import type { PageFacts, Verdict } from '../diagnose/types.ts';
import { isReportDue, recordReport, REPORT_INTERVAL_MS, reportFor } from './report-policy.ts';
import { aVerdict, anEvidenceItem, somePageFacts } from '../../../tests/support/builders.ts';

const NOW = Date.UTC(2025, 10, 18, 11, 30);
const PAGE_EV = anEvidenceItem('page', 'ev_pageKind', { weight: 0.7 });
const REFETCH_FAILED = anEvidenceItem('origin-probe', 'ev_origin_origin_error', { weight: 0.4 });

/** A site-origin verdict the stranger re-fetch confirmed. */
const verdict = (over: Partial<Verdict> = {}) => aVerdict({ evidence: [PAGE_EV, REFETCH_FAILED], ...over });
const netPage = somePageFacts({ kind: 'network-error', vendor: null, colo: null, code: null, network: 'dns' });

describe('what gets reported', () => {
  it.each<[string, Verdict, PageFacts, ReturnType<typeof reportFor>]>([
    [
      'a site failure the re-fetch confirms',
      verdict(),
      somePageFacts(),
      { kind: 'origin-error', vendor: 'cloudflare', colo: 'ICN', code: 522 },
    ],
    [
      'a CDN failure across sites',
      verdict({
        culprit: 'cdn',
        rule: 'cdn-correlated',
        evidence: [PAGE_EV, anEvidenceItem('correlation', 'ev_correlated', { weight: 0.8 })],
      }),
      somePageFacts({ kind: 'edge-error', code: 500 }),
      { kind: 'edge-error', vendor: 'cloudflare', colo: 'ICN', code: 500 },
    ],
    [
      'a DNS failure public DNS confirms (network page, site verdict)',
      verdict({
        rule: 'dns-site-broken',
        evidence: [
          anEvidenceItem('page', 'ev_pageNetwork', { weight: 0.6 }),
          anEvidenceItem('doh', 'ev_dohNxdomain', { weight: 0.7 }),
        ],
      }),
      netPage,
      { kind: 'network-error', vendor: 'unknown' },
    ],
    [
      'the challenge service down for everyone',
      verdict({ culprit: 'cdn', rule: 'challenge-cdn-down', acknowledged: 'yes', evidence: [PAGE_EV] }),
      somePageFacts({ kind: 'challenge-failed', code: 403 }),
      { kind: 'challenge-failed', vendor: 'cloudflare', colo: 'ICN', code: 403 },
    ],
    [
      'an odd colo and code are left out',
      verdict(),
      somePageFacts({ colo: 'icn1', code: 99 }),
      { kind: 'origin-error', vendor: 'cloudflare' },
    ],
    ['only the page says so', verdict({ evidence: [PAGE_EV] }), somePageFacts(), null],
    [
      'only other people say so (reports must not rest on reports)',
      verdict({
        rule: 'net-site-unreachable',
        evidence: [
          anEvidenceItem('page', 'ev_pageNetwork', { weight: 0.6 }),
          anEvidenceItem('peers', 'ev_peers', { weight: 0.7 }),
        ],
      }),
      netPage,
      null,
    ],
    ['a bot check', verdict({ culprit: 'blocked', rule: 'challenge' }), somePageFacts({ kind: 'challenge' }), null],
    ['a block', verdict({ culprit: 'blocked', rule: 'blocked' }), somePageFacts({ kind: 'blocked' }), null],
    [
      'a challenge your browser blocks',
      verdict({ culprit: 'browser', rule: 'challenge-your-browser' }),
      somePageFacts({ kind: 'challenge-failed' }),
      null,
    ],
    ['a challenge-failed page under a site verdict', verdict(), somePageFacts({ kind: 'challenge-failed' }), null],
    ['an unconfirmed page', verdict(), somePageFacts({ unconfirmed: true }), null],
    ['the unconfirmed row', verdict({ culprit: 'unknown', rule: 'unconfirmed' }), somePageFacts(), null],
    [
      'your own network',
      verdict({
        culprit: 'network',
        rule: 'net-offline',
        evidence: [anEvidenceItem('connectivity', 'ev_connectivity', { weight: 0.8 })],
      }),
      netPage,
      null,
    ],
    ['a normal page', verdict({ culprit: 'none', rule: 'none' }), somePageFacts({ kind: 'none' }), null],
  ])('%s', (_, v, p, expected) => {
    expect(reportFor(v, p)).toEqual(expected);
  });
});

describe('what a person may report by pressing the button', () => {
  it('their word replaces the corroboration', () => {
    expect(reportFor(verdict({ evidence: [PAGE_EV] }), somePageFacts(), true)).toEqual({
      kind: 'origin-error',
      vendor: 'cloudflare',
      colo: 'ICN',
      code: 522,
    });
  });

  it.each<[string, Verdict, PageFacts]>([
    ['a bot check', verdict({ culprit: 'blocked', rule: 'challenge' }), somePageFacts({ kind: 'challenge' })],
    ['a block', verdict({ culprit: 'blocked', rule: 'blocked' }), somePageFacts({ kind: 'blocked' })],
    ['an unconfirmed page', verdict({ evidence: [PAGE_EV] }), somePageFacts({ unconfirmed: true })],
    ['your own network', verdict({ culprit: 'network', rule: 'net-offline' }), netPage],
    ['a normal page', verdict({ culprit: 'none', rule: 'none' }), somePageFacts({ kind: 'none' })],
  ])('still not %s', (_, v, p) => {
    expect(reportFor(v, p, true)).toBeNull();
  });
});

describe('once per site per 10 minutes', () => {
  it('is due again only after the interval', () => {
    const sent = recordReport({}, 'shop.co.kr', NOW);
    expect(isReportDue(sent, 'shop.co.kr', NOW + REPORT_INTERVAL_MS - 1)).toBe(false);
    expect(isReportDue(sent, 'shop.co.kr', NOW + REPORT_INTERVAL_MS)).toBe(true);
    expect(isReportDue(sent, 'other.co.kr', NOW)).toBe(true);
    expect(isReportDue(sent, 'shop.co.kr', NOW - 60_000)).toBe(true);
  });

  it('forgets old sites and stays bounded', () => {
    let sent: Record<string, number> = { 'old.co.kr': NOW - REPORT_INTERVAL_MS };
    for (let i = 0; i < 500; i += 1) sent = recordReport(sent, `site${i}.co.kr`, NOW + i);
    expect(Object.keys(sent)).toHaveLength(200);
    expect(sent['old.co.kr']).toBeUndefined();
    expect(sent['site499.co.kr']).toBe(NOW + 499);
    expect(sent['site300.co.kr']).toBe(NOW + 300);
    expect(sent['site299.co.kr']).toBeUndefined();
  });
});
