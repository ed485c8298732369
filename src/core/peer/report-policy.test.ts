import { describe, expect, it } from 'vitest';
import type { EvidenceItem, PageFacts, Verdict } from '../diagnose/types.ts';
import { isReportDue, recordReport, REPORT_INTERVAL_MS, reportFor } from './report-policy.ts';

const NOW = Date.UTC(2025, 10, 18, 11, 30);
const ev = (source: EvidenceItem['source'], key: string, weight = 0.5): EvidenceItem => ({
  source,
  observed: { key, params: {} },
  at: NOW,
  weight,
});
const PAGE_EV = ev('page', 'ev_pageKind', 0.7);

const verdict = (over: Partial<Verdict> = {}): Verdict => ({
  culprit: 'site',
  vendor: 'cloudflare',
  colo: 'ICN',
  component: null,
  confidence: 0.75,
  rule: 'site-origin',
  headline: { key: 'verdict_siteOrigin', params: {} },
  explanation: { key: 'explain_siteOrigin', params: {} },
  evidence: [PAGE_EV, ev('origin-probe', 'ev_origin_origin_error', 0.4)],
  advice: [],
  sources: {},
  acknowledged: 'not-applicable',
  incident: null,
  decidedAt: NOW,
  ...over,
});
const page = (over: Partial<PageFacts> = {}): PageFacts => ({
  kind: 'origin-error',
  vendor: 'cloudflare',
  colo: 'ICN',
  code: 522,
  unconfirmed: false,
  network: null,
  ...over,
});
const netPage = page({ kind: 'network-error', vendor: null, colo: null, code: null, network: 'dns' });

describe('what gets reported', () => {
  it.each<[string, Verdict, PageFacts, ReturnType<typeof reportFor>]>([
    [
      'a site failure the re-fetch confirms',
      verdict(),
      page(),
      { kind: 'origin-error', vendor: 'cloudflare', colo: 'ICN', code: 522 },
    ],
    [
      'a CDN failure across sites',
      verdict({ culprit: 'cdn', rule: 'cdn-correlated', evidence: [PAGE_EV, ev('correlation', 'ev_correlated', 0.8)] }),
      page({ kind: 'edge-error', code: 500 }),
      { kind: 'edge-error', vendor: 'cloudflare', colo: 'ICN', code: 500 },
    ],
    [
      'a DNS failure public DNS confirms (network page, site verdict)',
      verdict({
        rule: 'dns-site-broken',
        evidence: [ev('page', 'ev_pageNetwork', 0.6), ev('doh', 'ev_dohNxdomain', 0.7)],
      }),
      netPage,
      { kind: 'network-error', vendor: 'unknown' },
    ],
    [
      'the challenge service down for everyone',
      verdict({ culprit: 'cdn', rule: 'challenge-cdn-down', acknowledged: 'yes', evidence: [PAGE_EV] }),
      page({ kind: 'challenge-failed', code: 403 }),
      { kind: 'challenge-failed', vendor: 'cloudflare', colo: 'ICN', code: 403 },
    ],
    [
      'an odd colo and code are left out',
      verdict(),
      page({ colo: 'icn1', code: 99 }),
      { kind: 'origin-error', vendor: 'cloudflare' },
    ],
    ['only the page says so', verdict({ evidence: [PAGE_EV] }), page(), null],
    [
      'only other people say so (reports must not rest on reports)',
      verdict({
        rule: 'net-site-unreachable',
        evidence: [ev('page', 'ev_pageNetwork', 0.6), ev('peers', 'ev_peers', 0.7)],
      }),
      netPage,
      null,
    ],
    ['a bot check', verdict({ culprit: 'blocked', rule: 'challenge' }), page({ kind: 'challenge' }), null],
    ['a block', verdict({ culprit: 'blocked', rule: 'blocked' }), page({ kind: 'blocked' }), null],
    [
      'a challenge your browser blocks',
      verdict({ culprit: 'browser', rule: 'challenge-your-browser' }),
      page({ kind: 'challenge-failed' }),
      null,
    ],
    ['a challenge-failed page under a site verdict', verdict(), page({ kind: 'challenge-failed' }), null],
    ['an unconfirmed page', verdict(), page({ unconfirmed: true }), null],
    ['the unconfirmed row', verdict({ culprit: 'unknown', rule: 'unconfirmed' }), page(), null],
    [
      'your own network',
      verdict({ culprit: 'network', rule: 'net-offline', evidence: [ev('connectivity', 'ev_connectivity', 0.8)] }),
      netPage,
      null,
    ],
    ['a normal page', verdict({ culprit: 'none', rule: 'none' }), page({ kind: 'none' }), null],
  ])('%s', (_, v, p, expected) => {
    expect(reportFor(v, p)).toEqual(expected);
  });
});

describe('what a person may report by pressing the button', () => {
  it('their word replaces the corroboration', () => {
    expect(reportFor(verdict({ evidence: [PAGE_EV] }), page(), true)).toEqual({
      kind: 'origin-error',
      vendor: 'cloudflare',
      colo: 'ICN',
      code: 522,
    });
  });

  it.each<[string, Verdict, PageFacts]>([
    ['a bot check', verdict({ culprit: 'blocked', rule: 'challenge' }), page({ kind: 'challenge' })],
    ['a block', verdict({ culprit: 'blocked', rule: 'blocked' }), page({ kind: 'blocked' })],
    ['an unconfirmed page', verdict({ evidence: [PAGE_EV] }), page({ unconfirmed: true })],
    ['your own network', verdict({ culprit: 'network', rule: 'net-offline' }), netPage],
    ['a normal page', verdict({ culprit: 'none', rule: 'none' }), page({ kind: 'none' })],
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
