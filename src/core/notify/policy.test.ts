import { describe, expect, it } from 'vitest';
import type { Verdict } from '../diagnose/types.ts';
import {
  DEDUPE_WINDOW_MS,
  decideNotification,
  incidentKey,
  notificationText,
  recordSent,
  siteKey,
  type NotifyInput,
} from './policy.ts';
import { aVerdict, anEvidenceItem } from '../../../tests/support/builders.ts';

const NOW = Date.UTC(2025, 10, 18, 11, 30);
const PAGE = anEvidenceItem('page', 'ev_pageKind', { weight: 0.7 });
const REFETCH_FAILED = anEvidenceItem('origin-probe', 'ev_origin_origin_error', { weight: 0.4 });

/** A site-origin verdict the stranger re-fetch confirmed. */
const verdict = (over: Partial<Verdict> = {}) => aVerdict({ evidence: [PAGE, REFETCH_FAILED], ...over });

const input = (over: Partial<NotifyInput> = {}): NotifyInput => ({
  verdict: verdict(),
  host: 'shop.example',
  unconfirmed: false,
  seen: true,
  mode: 'errors',
  sent: {},
  now: NOW,
  ...over,
});

const CORRELATED = anEvidenceItem('correlation', 'ev_correlated', { weight: 0.8 });
/** Correlated locally, and the extension's own re-fetch got the same CDN error page. */
const cdnWide = verdict({
  culprit: 'cdn',
  rule: 'cdn-correlated',
  confidence: 0.85,
  evidence: [PAGE, CORRELATED, anEvidenceItem('origin-probe', 'ev_origin_cdn_error', { weight: 0.4 })],
  acknowledged: 'unreachable',
});

describe('notification policy, by verdict', () => {
  it.each<[string, Verdict, boolean | 'cdn-wide']>([
    ['site-origin confirmed by the re-fetch', verdict(), true],
    [
      'cdn-edge-page confirmed by the re-fetch',
      verdict({
        culprit: 'cdn',
        rule: 'cdn-edge-page',
        confidence: 0.7,
        evidence: [PAGE, anEvidenceItem('origin-probe', 'ev_origin_cdn_error')],
      }),
      true,
    ],
    [
      'site-config confirmed by the site status page',
      verdict({
        rule: 'site-config',
        confidence: 0.85,
        evidence: [PAGE, anEvidenceItem('site-status', 'ev_siteStatusTrouble', { weight: 0.6 })],
      }),
      true,
    ],
    [
      'net-site-unreachable (0.8) with peers seeing an outage',
      verdict({
        rule: 'net-site-unreachable',
        confidence: 0.8,
        evidence: [
          anEvidenceItem('page', 'ev_pageNetwork', { weight: 0.6 }),
          anEvidenceItem('peers', 'ev_peers', { weight: 0.7 }),
        ],
      }),
      true,
    ],
    [
      'dns-site-broken: public DNS cannot resolve it either',
      verdict({
        rule: 'dns-site-broken',
        confidence: 0.8,
        evidence: [
          anEvidenceItem('page', 'ev_pageNetwork', { weight: 0.6 }),
          anEvidenceItem('doh', 'ev_dohNxdomain', { weight: 0.7 }),
        ],
      }),
      true,
    ],
    ['cdn-correlated', cdnWide, 'cdn-wide'],
    [
      'challenge-cdn-wide with the crowd seeing it too',
      verdict({
        culprit: 'cdn',
        rule: 'challenge-cdn-wide',
        confidence: 0.7,
        evidence: [PAGE, CORRELATED, anEvidenceItem('peers', 'ev_peers', { weight: 0.7 })],
      }),
      'cdn-wide',
    ],
    [
      'cdn-colo-incident (acknowledged)',
      verdict({
        culprit: 'cdn',
        rule: 'cdn-colo-incident',
        confidence: 0.9,
        acknowledged: 'yes',
        evidence: [PAGE, anEvidenceItem('vendor-status', 'ev_statusColoIncident', { weight: 0.9 })],
      }),
      'cdn-wide',
    ],
    [
      'challenge-cdn-down (acknowledged)',
      verdict({ culprit: 'cdn', rule: 'challenge-cdn-down', confidence: 0.85, acknowledged: 'yes' }),
      'cdn-wide',
    ],
    ['site-origin with only the page as evidence', verdict({ evidence: [PAGE] }), false],
    [
      'site-origin while the stranger re-fetch worked',
      verdict({ evidence: [PAGE, anEvidenceItem('origin-probe', 'ev_origin_ok')] }),
      false,
    ],
    [
      'correlation below the threshold',
      verdict({ evidence: [PAGE, anEvidenceItem('correlation', 'ev_correlated', { weight: 0.3 })] }),
      false,
    ],
    ['cdn-edge-page below 0.7', verdict({ culprit: 'cdn', rule: 'cdn-edge-page', confidence: 0.65 }), false],
    ['net-site-unreachable at 0.6', verdict({ rule: 'net-site-unreachable', confidence: 0.6 }), false],
    ['challenge', verdict({ culprit: 'blocked', rule: 'challenge', confidence: 0.7 }), false],
    ['blocked', verdict({ culprit: 'blocked', rule: 'blocked', confidence: 0.9 }), false],
    ['challenge-your-browser', verdict({ culprit: 'browser', rule: 'challenge-your-browser', confidence: 0.8 }), false],
    ['unconfirmed', verdict({ culprit: 'unknown', rule: 'unconfirmed', confidence: 0.3 }), false],
    ['none (a 404 is a normal page)', verdict({ culprit: 'none', rule: 'none', confidence: 0.8 }), false],
    ['net-offline (your network)', verdict({ culprit: 'network', rule: 'net-offline', confidence: 0.9 }), false],
  ])('%s', (_, v, expected) => {
    const decision = decideNotification(input({ verdict: v }));
    expect(decision.notify).toBe(expected !== false);
    if (decision.notify) expect(decision.kind).toBe(expected === 'cdn-wide' ? 'cdn-wide' : 'error');
  });

  it('never for a page whose CDN look the headers did not confirm, whatever the verdict', () => {
    expect(decideNotification(input({ unconfirmed: true }))).toEqual({ notify: false, reason: 'unconfirmed' });
  });
});

describe('notification policy, by setting', () => {
  it.each<[NotifyInput['mode'], boolean, boolean]>([
    ['off', false, false],
    ['errors', true, true],
    ['cdn-wide', false, true],
  ])('mode %s: single-site error %s, CDN-wide incident %s', (mode, error, wide) => {
    expect(decideNotification(input({ mode })).notify).toBe(error);
    expect(decideNotification(input({ mode, verdict: cdnWide })).notify).toBe(wide);
  });
});

describe('notification policy, dedupe and attention', () => {
  it('one per site per 30 minutes', () => {
    const sent = recordSent({}, [siteKey('shop.example')], NOW);
    expect(decideNotification(input({ sent, now: NOW + DEDUPE_WINDOW_MS - 1 }))).toEqual({
      notify: false,
      reason: 'duplicate',
    });
    expect(decideNotification(input({ sent, now: NOW + DEDUPE_WINDOW_MS })).notify).toBe(true);
    expect(decideNotification(input({ sent, host: 'other.example' })).notify).toBe(true);
  });

  it('one per CDN-wide incident (vendor + colo + rule), whichever site shows it', () => {
    const first = decideNotification(input({ verdict: cdnWide, host: 'chatgpt.com' }));
    expect(first).toEqual({
      notify: true,
      kind: 'cdn-wide',
      keys: ['cdn:cloudflare:ICN:cdn-correlated', 'site:chatgpt.com'],
    });
    const sent = recordSent({}, first.notify ? first.keys : [], NOW);
    expect(decideNotification(input({ verdict: cdnWide, host: 'x.com', sent, now: NOW + 60_000 })).notify).toBe(false);
    expect(decideNotification(input({ verdict: { ...cdnWide, colo: 'FRA' }, host: 'x.com', sent })).notify).toBe(true);
    expect(incidentKey({ ...cdnWide, rule: 'challenge-cdn-wide' })).toBe('cdn:cloudflare:ICN:challenge-cdn-wide');
  });

  it('a background tab never looked at stays quiet; the same verdict notifies once the tab is seen', () => {
    expect(decideNotification(input({ seen: false }))).toEqual({ notify: false, reason: 'unseen' });
    expect(decideNotification(input({ seen: true })).notify).toBe(true);
  });

  it('recordSent forgets entries older than the window', () => {
    const sent = recordSent(
      { 'host:old.example': NOW - DEDUPE_WINDOW_MS, 'host:recent.example': NOW - 1000 },
      ['host:new.example'],
      NOW,
    );
    expect(Object.keys(sent).sort()).toEqual(['host:new.example', 'host:recent.example']);
  });
});

describe('notification policy, what may vouch for a CDN-wide claim', () => {
  /** A cdn-correlated verdict: the page and local correlation, plus `extra`. */
  const correlated = (...extra: Verdict['evidence']) =>
    verdict({ culprit: 'cdn', rule: 'cdn-correlated', confidence: 0.85, evidence: [PAGE, CORRELATED, ...extra] });

  it.each<[string, Verdict, 'cdn-wide' | 'error' | false]>([
    ['local correlation alone (a few forged hosts can make it)', correlated(), false],
    [
      'correlation while the re-fetch got a normal page',
      correlated(anEvidenceItem('origin-probe', 'ev_origin_ok', { weight: 0.5 })),
      false,
    ],
    ['the crowd below its threshold', correlated(anEvidenceItem('peers', 'ev_peers', { weight: 0.3 })), false],
    ['a minor component on the status page', correlated(anEvidenceItem('vendor-status', 'ev_statusColo')), false],
    ['the vendor acknowledges it', { ...correlated(), acknowledged: 'yes' }, 'cdn-wide'],
    [
      'a status-page incident at the colo',
      correlated(anEvidenceItem('vendor-status', 'ev_statusColoIncident', { weight: 0.9 })),
      'cdn-wide',
    ],
    [
      'a major component on the status page',
      correlated(anEvidenceItem('vendor-status', 'ev_statusColo', { weight: 0.9 })),
      'cdn-wide',
    ],
    ['the crowd at its threshold', correlated(anEvidenceItem('peers', 'ev_peers', { weight: 0.7 })), 'cdn-wide'],
    ['the crowd, no usual level', correlated(anEvidenceItem('peers', 'ev_peersNoRatio', { weight: 0.7 })), 'cdn-wide'],
    [
      "the extension's re-fetch got the same CDN error",
      correlated(anEvidenceItem('origin-probe', 'ev_origin_cdn_error')),
      'cdn-wide',
    ],
    [
      "the extension's re-fetch got a server error again",
      correlated(anEvidenceItem('origin-probe', 'ev_origin_origin_error')),
      'cdn-wide',
    ],
    [
      'the CDN radar names an outage',
      correlated(anEvidenceItem('radar', 'ev_radarOutage', { weight: 0.85 })),
      'cdn-wide',
    ],
    [
      'a radar row backed by the radar itself (sites across many networks)',
      verdict({
        culprit: 'cdn',
        rule: 'cdn-radar',
        confidence: 0.85,
        evidence: [PAGE, anEvidenceItem('radar', 'ev_radarOutage', { weight: 0.85 })],
      }),
      'cdn-wide',
    ],
    [
      'an elevated radar backs nothing',
      correlated(anEvidenceItem('radar', 'ev_radarElevated', { weight: 0.4 })),
      false,
    ],
    [
      'only the re-fetch failing to connect: one site, not the CDN',
      correlated(anEvidenceItem('origin-probe', 'ev_origin_unreachable')),
      'error',
    ],
    [
      'only public DNS failing to resolve it: one site, not the CDN',
      correlated(anEvidenceItem('doh', 'ev_dohNxdomain', { weight: 0.7 })),
      'error',
    ],
    [
      "only the site's own status page agrees: one site, not the CDN",
      correlated(anEvidenceItem('site-status', 'ev_siteStatusTrouble', { weight: 0.6 })),
      'error',
    ],
  ])('%s', (_, v, expected) => {
    const decision = decideNotification(input({ verdict: v }));
    expect(decision.notify ? decision.kind : false).toBe(expected);
    if (expected === false) expect(decision).toEqual({ notify: false, reason: 'uncorroborated' });
  });

  it('in "CDN-wide only" mode, a CDN-wide claim nothing outside backs stays quiet even when the site is confirmed', () => {
    const v = verdict({
      culprit: 'cdn',
      rule: 'cdn-correlated',
      confidence: 0.85,
      evidence: [PAGE, CORRELATED, anEvidenceItem('site-status', 'ev_siteStatusTrouble', { weight: 0.6 })],
    });
    expect(decideNotification(input({ verdict: v, mode: 'cdn-wide' }))).toEqual({ notify: false, reason: 'mode' });
  });

  it('a CDN-wide verdict notified as one site says only that the CDN failed to serve that site', () => {
    const v = verdict({
      culprit: 'cdn',
      rule: 'cdn-correlated',
      headline: { key: 'verdict_cdnCorrelated', params: { host: 'shop.example', vendor: 'cloudflare', colo: 'ICN' } },
      explanation: {
        key: 'explain_cdnCorrelated',
        params: { host: 'shop.example', vendor: 'cloudflare', colo: 'ICN' },
      },
    });
    expect(notificationText(v, 'error')).toEqual({
      headline: { key: 'verdict_cdnEdge', params: { host: 'shop.example', vendor: 'cloudflare', colo: 'ICN' } },
      explanation: { key: 'explain_cdnEdge', params: { host: 'shop.example', vendor: 'cloudflare', colo: 'ICN' } },
    });
    expect(notificationText(v, 'cdn-wide').headline.key).toBe('verdict_cdnCorrelated');
  });
});

describe('notification policy, one site however many host names its owner mints', () => {
  const FAMILY = [
    'evil.example',
    'a.evil.example',
    'WWW.Evil.Example',
    'evil.example.',
    'x.y.z.deep.evil.example',
    '0-your-account-is-locked-call-0800-555-0199.evil.example',
  ];

  it.each([
    ['as listed', FAMILY],
    ['reversed', [...FAMILY].reverse()],
    ['deepest first', [...FAMILY].sort((a, b) => b.split('.').length - a.split('.').length)],
  ])('hosts of one registrable domain, %s, within the window: one notification', (_, hosts) => {
    let sent: Record<string, number> = {};
    const notified = hosts.filter((host, i) => {
      const now = NOW + i * 60_000;
      const decision = decideNotification(input({ host, sent, now }));
      if (decision.notify) sent = recordSent(sent, decision.keys, now);
      return decision.notify;
    });
    expect(notified).toEqual([hosts[0]]);
    expect(Object.keys(sent)).toEqual(['site:evil.example']);
  });

  it.each([
    ['evil.example', 'evil2.example'],
    ['shop.co.kr', 'other.co.kr'],
    ['a.github.io', 'b.github.io'],
    ['192.0.2.1', '192.0.2.2'],
  ])('%s and %s are different sites', (first, second) => {
    const sent = recordSent({}, [siteKey(first)], NOW);
    expect(decideNotification(input({ host: second, sent, now: NOW + 1000 })).notify).toBe(true);
  });
});
