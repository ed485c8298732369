/**
 * The decision table: the one place that maps facts to a culprit. Rows are tried in order; the first that matches
 * decides. Every row has an id (shown in the verdict and in README "How it decides") and a test.
 */
import type { Acknowledgement, Culprit, Facts } from './types.ts';
import * as p from './predicates.ts';

export interface Row {
  id: string;
  when: (f: Facts) => boolean;
  culprit: Culprit;
  confidence: number | ((f: Facts) => number);
  /** i18n key suffix: headline `verdict_<key>`, explanation `explain_<key>`. */
  key: string;
  /** The explanation's key suffix when no vendor or platform is known, for an explanation that names who works. */
  keyUnnamed?: string;
  advice: string[];
  acknowledged?: (f: Facts) => Acknowledgement;
}

const ackFromStatus = (f: Facts): Acknowledgement =>
  p.statusFailed(f) ? 'unreachable' : f.vendorStatus === null ? 'not-applicable' : 'no';

/** An elevated radar makes a CDN verdict a little surer; it never makes one on its own. */
const radarAdds = (f: Facts) => (p.radarElevated(f) ? 0.05 : 0);

export const DECISION_TABLE: readonly Row[] = [
  // --- the page never arrived ---
  {
    id: 'net-offline',
    when: (f) => p.pageNeverArrived(f) && p.connectivityDead(f),
    culprit: 'network',
    confidence: 0.9,
    key: 'offline',
    advice: ['advice_checkConnection'],
  },
  {
    id: 'dns-site-broken',
    when: (f) => p.pageNeverArrived(f) && p.siteDnsBroken(f),
    culprit: 'site',
    confidence: 0.8,
    key: 'siteDns',
    advice: ['advice_waitForSite'],
  },
  {
    id: 'dns-your-resolver',
    when: (f) => p.pageNeverArrived(f) && p.yourResolverFails(f),
    culprit: 'network',
    confidence: 0.8,
    key: 'yourResolver',
    advice: ['advice_changeDns', 'advice_checkDnsFilter'],
  },
  {
    id: 'net-site-unreachable',
    when: (f) => p.pageNeverArrived(f) && p.connectivityWorks(f),
    culprit: 'site',
    confidence: (f) => (p.peersSeeOutage(f) || p.siteAdmits(f) ? 0.8 : 0.6),
    key: 'siteUnreachable',
    advice: ['advice_waitForSite'],
  },
  {
    id: 'net-unknown',
    when: p.pageNeverArrived,
    culprit: 'unknown',
    confidence: 0.3,
    key: 'netUnknown',
    advice: ['advice_checkConnection', 'advice_checkAgain'],
  },
  // --- the page imitates a CDN page without the headers to prove it ---
  {
    id: 'unconfirmed',
    when: p.isUnconfirmedCdnPage,
    culprit: 'unknown',
    confidence: 0.3,
    key: 'unconfirmed',
    advice: ['advice_checkAgain'],
  },
  // --- refused or checked by the site's policy ---
  {
    id: 'blocked',
    when: p.pageShows('blocked'),
    culprit: 'blocked',
    confidence: 0.9,
    key: 'blocked',
    advice: ['advice_contactSite', 'advice_disableVpn'],
  },
  {
    id: 'challenge-cdn-down',
    when: (f) => p.showsFailedChallenge(f) && p.vendorAdmitsService(f),
    culprit: 'cdn',
    confidence: 0.85,
    key: 'challengeCdnDown',
    advice: ['advice_waitForCdn'],
    acknowledged: () => 'yes',
  },
  {
    id: 'challenge-radar',
    when: (f) => p.showsFailedChallenge(f) && p.radarNamesOutage(f),
    culprit: 'cdn',
    confidence: 0.8,
    key: 'cdnRadar',
    advice: ['advice_waitForCdn'],
    acknowledged: ackFromStatus,
  },
  {
    id: 'challenge-cdn-wide',
    when: (f) => p.showsFailedChallenge(f) && p.isCorrelated(f),
    culprit: 'cdn',
    confidence: 0.7,
    key: 'challengeCdnWide',
    advice: ['advice_waitForCdn'],
    acknowledged: ackFromStatus,
  },
  {
    id: 'challenge-your-browser',
    when: (f) => p.showsFailedChallenge(f) && p.edgeAnswers(f),
    culprit: 'browser',
    confidence: (f) => (p.vendorSaysFine(f) ? 0.8 : 0.6),
    key: 'challengeBrowser',
    advice: ['advice_allowChallenges', 'advice_disableBlocker'],
  },
  {
    id: 'challenge-unknown',
    when: p.showsFailedChallenge,
    culprit: 'unknown',
    confidence: 0.4,
    key: 'challengeUnknown',
    advice: ['advice_allowChallenges', 'advice_checkAgain'],
  },
  {
    id: 'challenge',
    when: p.pageShows('challenge'),
    culprit: 'blocked',
    confidence: 0.7,
    key: 'challenge',
    advice: ['advice_completeChallenge'],
  },
  // --- the server side failed: whose server? ---
  {
    id: 'cdn-colo-incident',
    when: (f) => p.isServerError(f) && p.vendorAdmitsColo(f),
    culprit: 'cdn',
    confidence: 0.9,
    key: 'cdnColo',
    advice: ['advice_waitForCdn'],
    acknowledged: () => 'yes',
  },
  {
    id: 'cdn-service-incident',
    when: (f) => p.showsEdgeError(f) && p.vendorAdmitsService(f),
    culprit: 'cdn',
    confidence: 0.9,
    key: 'cdnService',
    advice: ['advice_waitForCdn'],
    acknowledged: () => 'yes',
  },
  {
    id: 'cdn-radar',
    when: (f) => p.isServerError(f) && p.radarNamesOutage(f),
    culprit: 'cdn',
    confidence: (f) => (f.page.kind === 'edge-error' ? 0.85 : 0.8),
    key: 'cdnRadar',
    advice: ['advice_waitForCdn'],
    acknowledged: ackFromStatus,
  },
  {
    id: 'cdn-correlated',
    when: (f) => p.isServerError(f) && p.isCorrelated(f),
    culprit: 'cdn',
    confidence: (f) => (f.page.kind === 'edge-error' ? 0.85 : 0.7) + radarAdds(f),
    key: 'cdnCorrelated',
    advice: ['advice_waitForCdn'],
    acknowledged: ackFromStatus,
  },
  {
    id: 'cdn-edge-page',
    when: p.showsEdgeError,
    culprit: 'cdn',
    confidence: (f) => (f.probes.origin === 'ok' ? 0.5 : 0.65) + radarAdds(f),
    key: 'cdnEdge',
    advice: ['advice_checkAgain', 'advice_waitForCdn'],
    acknowledged: ackFromStatus,
  },
  {
    id: 'site-config',
    when: p.pageShows('site-config'),
    culprit: 'site',
    confidence: 0.85,
    key: 'siteConfig',
    keyUnnamed: 'siteConfigHost',
    advice: ['advice_contactSite'],
  },
  {
    id: 'site-server',
    when: (f) => p.pageShows('origin-error')(f) && p.noCdnInFront(f),
    culprit: 'site',
    // A 5xx with nobody in between cannot be anyone else's; a failing re-fetch of our own rules out a passing hiccup.
    confidence: (f) => (p.siteAdmits(f) ? 0.95 : f.probes.origin === 'origin-error' ? 0.9 : 0.8),
    key: 'siteServer',
    advice: ['advice_waitForSite', 'advice_watch'],
  },
  {
    id: 'site-origin',
    when: p.pageShows('origin-error'),
    culprit: 'site',
    confidence: (f) => (p.siteAdmits(f) ? 0.95 : p.vendorSaysFine(f) ? 0.9 : 0.75),
    key: 'siteOrigin',
    advice: ['advice_waitForSite', 'advice_watch'],
  },
  // --- the page looked fine, but a check the person asked for says otherwise ---
  {
    id: 'now-failing-cdn',
    when: p.nowFailsAtCdn,
    culprit: 'cdn',
    confidence: 0.6,
    key: 'nowFailingCdn',
    advice: ['advice_checkAgain', 'advice_waitForCdn'],
    acknowledged: ackFromStatus,
  },
  {
    id: 'now-failing-site',
    when: p.nowFailsAtSite,
    culprit: 'site',
    confidence: 0.6,
    key: 'nowFailingSite',
    advice: ['advice_checkAgain', 'advice_watch'],
  },
  // --- nothing wrong ---
  { id: 'none', when: p.pageShows('none'), culprit: 'none', confidence: 0.8, key: 'none', advice: [] },
];

/** The row that decides these facts. The last row always matches `none`; `unknown` covers anything unforeseen. */
export function findRow(facts: Facts): Row {
  return DECISION_TABLE.find((row) => row.when(facts)) ?? FALLBACK;
}

const FALLBACK: Row = {
  id: 'fallback',
  when: () => true,
  culprit: 'unknown',
  confidence: 0.2,
  key: 'unknown',
  advice: ['advice_checkAgain'],
};
