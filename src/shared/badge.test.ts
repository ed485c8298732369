import { describe, expect, it } from 'vitest';
import type { Culprit } from '../core/diagnose/types.ts';
import { badgeFor, badgeForVerdict } from './badge.ts';
import type { TabKind } from './tab-state.ts';
import { aDetection, aTabState, aVerdict } from '../../tests/support/builders.ts';

// The badge reads only the kind and whether the page is unconfirmed.
const state = (kind: TabKind, unconfirmed = false) =>
  aTabState({
    kind,
    detection: kind === 'network-error' ? null : aDetection({ vendor: 'cloudflare', kind, unconfirmed }),
  });
const verdict = (culprit: Culprit) => aVerdict({ culprit });

describe('badge after the verdict', () => {
  it.each<[TabKind, Culprit, string]>([
    ['origin-error', 'site', 'SITE'],
    ['origin-error', 'cdn', 'CDN'], // cdn-colo-incident / cdn-correlated on a 522
    ['edge-error', 'cdn', 'CDN'],
    ['site-config', 'site', 'CFG'], // agrees: keeps the more specific text
    ['blocked', 'blocked', 'BLK'],
    ['challenge', 'blocked', 'BOT'],
    ['challenge-failed', 'browser', 'BRW'],
    ['challenge-failed', 'cdn', 'CDN'],
    ['challenge-failed', 'unknown', 'BOT!'],
    ['network-error', 'network', 'NET'],
    ['network-error', 'site', 'SITE'], // dns-site-broken, net-site-unreachable
    ['network-error', 'unknown', 'NET'],
    ['none', 'none', ''],
  ])('%s + %s → %s', (kind, culprit, text) => {
    expect(badgeForVerdict(state(kind), verdict(culprit)).text).toBe(text);
  });

  it('keeps the first-hand badge until the verdict arrives, and the quiet "?" for an unconfirmed page', () => {
    expect(badgeForVerdict(state('origin-error'), null)).toEqual(badgeFor(state('origin-error')));
    expect(badgeForVerdict(state('edge-error', true), verdict('cdn')).text).toBe('?');
  });

  it('a plain 5xx with no CDN is SITE before and after its site verdict, and nothing once the site answers', () => {
    const plain = aTabState({
      status: 502,
      kind: 'origin-error',
      detection: aDetection({ vendor: null, kind: 'origin-error', code: 502, platform: 'nginx' }),
    });
    expect(badgeFor(plain).text).toBe('SITE');
    expect(badgeForVerdict(plain, aVerdict({ culprit: 'site', vendor: null, rule: 'site-server' })).text).toBe('SITE');
    expect(badgeForVerdict(aTabState({ status: 200, kind: 'none', detection: null }), null).text).toBe('');
  });

  it('BRW has its own colour; a switched badge takes its culprit colour', () => {
    expect(badgeForVerdict(state('challenge-failed'), verdict('browser')).color).toBe('#185abc');
    expect(badgeForVerdict(state('origin-error'), verdict('cdn')).color).toBe(badgeFor(state('edge-error')).color);
  });
});
