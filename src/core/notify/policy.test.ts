import { describe, expect, it } from 'vitest';
import type { Verdict } from '../diagnose/types.ts';
import { DEDUPE_WINDOW_MS, decideNotification, hostKey, incidentKey, recordSent, type NotifyInput } from './policy.ts';
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

const cdnWide = verdict({
  culprit: 'cdn',
  rule: 'cdn-correlated',
  confidence: 0.85,
  evidence: [PAGE, anEvidenceItem('correlation', 'ev_correlated', { weight: 0.8 })],
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
      'challenge-cdn-wide',
      verdict({ culprit: 'cdn', rule: 'challenge-cdn-wide', confidence: 0.7, evidence: [PAGE] }),
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
  it('one per host per 30 minutes', () => {
    const sent = recordSent({}, [hostKey('shop.example')], NOW);
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
      keys: ['cdn:cloudflare:ICN:cdn-correlated', 'host:chatgpt.com'],
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
