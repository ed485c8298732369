/**
 * Test builders: a whole, valid value with every field filled in, so a test spells out only the fields its claim is
 * about. Unless a builder says otherwise, they all tell one story: shop.example, behind Cloudflare, answered a 522
 * from the ICN data centre, and the verdict put it on the site's origin.
 */
import type { Detection, PageMarkers } from '../../src/core/detect/types.ts';
import type { PageReport } from '../../src/shared/page-report.ts';
import type { EvidenceItem, Facts, Message, PageFacts, SourceName, Verdict } from '../../src/core/diagnose/types.ts';
import type { TabState } from '../../src/shared/tab-state.ts';

/** The site-origin verdict on shop.example's 522, with no evidence or source states unless given. */
export function aVerdict(overrides: Partial<Verdict> = {}): Verdict {
  return {
    culprit: 'site',
    vendor: 'cloudflare',
    colo: 'ICN',
    component: null,
    confidence: 0.75,
    rule: 'site-origin',
    headline: { key: 'verdict_siteOrigin', params: {} },
    explanation: { key: 'explain_siteOrigin', params: {} },
    evidence: [],
    advice: [],
    sources: {},
    acknowledged: 'not-applicable',
    incident: null,
    radar: null,
    decidedAt: 0,
    ...overrides,
  };
}

/** One evidence item observed at time 0 with a middling weight; `key` is the i18n key of what was observed. */
export function anEvidenceItem(
  source: SourceName,
  key: string,
  { weight = 0.5, at = 0, params = {} }: { weight?: number; at?: number; params?: Message['params'] } = {},
): EvidenceItem {
  return { source, observed: { key, params }, at, weight };
}

/**
 * What the classifier returns when it finds nothing: no vendor, kind `none`. Unlike the other builders this is the
 * neutral value, because stand-in classifiers build their answer from it one field at a time.
 */
export function aDetection(overrides: Partial<Detection> = {}): Detection {
  return {
    vendor: null,
    kind: 'none',
    code: null,
    colo: null,
    rayId: null,
    evidence: [],
    unconfirmed: false,
    ...overrides,
  };
}

/** What the content script reads from shop.example's Cloudflare 522 page: the error box, its "host" part marked. */
export function somePageMarkers(overrides: Partial<PageMarkers> = {}): PageMarkers {
  return {
    title: 'shop.example | 522: Connection timed out',
    text: '',
    ids: ['cf-wrapper'],
    classes: [],
    resources: [],
    inlineScript: '',
    errorSourceId: 'cf-host-status',
    isPlainText: false,
    ...overrides,
  };
}

/** The first report of shop.example's 522 page, read 1 s into a navigation that started at time 0. */
export function aPageReport(overrides: Partial<PageReport> = {}): PageReport {
  return {
    markers: somePageMarkers(),
    status: 522,
    sequence: 0,
    document: { startedAt: 0, shownAt: 1000 },
    ...overrides,
  };
}

/**
 * Tab 1 showing shop.example's Cloudflare 522 from ICN, as its page reported it (joined with its headers, so the
 * reading is settled). A `host` alone also sets the URL to that host's root.
 */
export function aTabState(overrides: Partial<TabState> = {}): TabState {
  const host = overrides.host ?? 'shop.example';
  return {
    tabId: 1,
    url: `https://${host}/`,
    host,
    status: 522,
    kind: 'origin-error',
    networkError: null,
    source: 'page',
    document: { startedAt: 0, shownAt: 0 },
    settledAt: 0,
    updatedAt: 0,
    detection: aDetection({ vendor: 'cloudflare', kind: 'origin-error', code: 522, colo: 'ICN' }),
    ...overrides,
  };
}

/** What the page of that tab showed, as the diagnosis sees it. */
export function somePageFacts(overrides: Partial<PageFacts> = {}): PageFacts {
  return {
    kind: 'origin-error',
    vendor: 'cloudflare',
    colo: 'ICN',
    code: 522,
    unconfirmed: false,
    network: null,
    ...overrides,
  };
}

type FactsOverrides = Omit<Partial<Facts>, 'page' | 'probes'> & {
  page?: Partial<PageFacts>;
  probes?: Partial<Facts['probes']>;
};

/**
 * Everything the diagnosis knows about shop.example when nothing has been seen yet: a normal page, no probe run, no
 * status page, this host the only failure. Decision-table tests add one fact at a time, so `page` and `probes`
 * merge into that neutral start instead of replacing it.
 */
export function someFacts(overrides: FactsOverrides = {}): Facts {
  return {
    host: 'shop.example',
    vendorStatus: null,
    siteStatus: null,
    correlation: { hosts: 1, sameColo: false },
    peers: null,
    radar: null,
    sources: {},
    ...overrides,
    page: { kind: 'none', vendor: null, colo: null, code: null, unconfirmed: false, network: null, ...overrides.page },
    probes: {
      origin: null,
      trace: null,
      control: null,
      connectivity: { ok: 0, failed: 0 },
      doh: null,
      ...overrides.probes,
    },
  };
}
