/**
 * The verdict model. A verdict names a culprit, says how sure it is, and carries every piece of evidence and the state
 * of every source, so a person can check the claim and see what could not be checked.
 */
import type { Platform, Vendor } from '../detect/types.ts';
import type { NetworkErrorCategory } from '../network/network-error.ts';
import type { RadarFacts } from '../radar/radar-client.ts';
import type { ComponentState, Indicator } from '../status/types.ts';

export const CULPRITS = ['site', 'cdn', 'network', 'blocked', 'browser', 'none', 'unknown'] as const;
export type Culprit = (typeof CULPRITS)[number];

export const SOURCE_NAMES = [
  'page',
  'vendor-status',
  'site-status',
  'origin-probe',
  'trace-probe',
  'control-probe',
  'connectivity',
  'doh',
  'correlation',
  'peers',
  'radar',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export interface SourceState {
  state: 'ok' | 'failed' | 'timeout' | 'skipped';
  ms: number;
  reason?: string;
}

/** An i18n key with its parameters; the UI renders it in the person's language. */
export interface Message {
  key: string;
  params: Record<string, string | number>;
}

export interface EvidenceItem {
  source: SourceName;
  observed: Message;
  /** Epoch ms when the source observed it. */
  at: number;
  /** How much this item moved the verdict: 0 (context only) to 1 (decisive). */
  weight: number;
}

/** Whether the vendor's own status page admits the problem the verdict names. */
export type Acknowledgement = 'yes' | 'no' | 'unreachable' | 'not-applicable';

export interface Verdict {
  culprit: Culprit;
  vendor: Vendor | null;
  colo: string | null;
  /** The status-page component that matches (data centre or service), when known. */
  component: string | null;
  confidence: number;
  /** Id of the decision-table row that decided it; documented in README "How it decides". */
  rule: string;
  headline: Message;
  explanation: Message;
  evidence: EvidenceItem[];
  advice: Message[];
  sources: Partial<Record<SourceName, SourceState>>;
  acknowledged: Acknowledgement;
  incident: IncidentRef | null;
  /** The CDN radar's answer the verdict saw (the popup draws its last hour); null when it was not asked or failed. */
  radar: RadarFacts | null;
  decidedAt: number;
}

/** What the page itself showed (first-hand), reduced from the tab state. */
export interface PageFacts {
  kind:
    | 'none'
    | 'origin-error'
    | 'edge-error'
    | 'blocked'
    | 'challenge'
    | 'challenge-failed'
    | 'site-config'
    | 'network-error';
  vendor: Vendor | null;
  colo: string | null;
  code: number | null;
  unconfirmed: boolean;
  network: NetworkErrorCategory | null;
  /** The site's own server or host as the detection named it (nginx, Heroku ...); absent when nothing named one. */
  platform?: Platform;
}

/** What the vendor's status page says about what this page shows; null when the source failed or was skipped. */
export interface VendorStatusFacts {
  /** State of the data-centre component for the page's colo, if the vendor lists one. */
  coloState: ComponentState | null;
  coloComponent: string | null;
  /** Worst state among components that would explain the page's kind (Turnstile/Challenges for challenge-failed). */
  explainingState: ComponentState | null;
  explainingComponent: string | null;
  /** An open incident that names the colo. */
  coloIncident: IncidentRef | null;
  /** An open incident that names an explaining component. */
  serviceIncident: IncidentRef | null;
}

export interface IncidentRef {
  title: string;
  url: string | null;
}

export interface ProbeFacts {
  /** A fresh, cookieless re-fetch of the failing page: what came back. */
  origin: 'ok' | 'cdn-error' | 'origin-error' | 'unreachable' | null;
  /** `/cdn-cgi/trace` on the same host: the edge answered (with its colo and WARP/Gateway flags), or null. */
  trace: { colo: string | null; warp: boolean; gateway: boolean } | null;
  /** A control host on the same CDN answered. null when not run. */
  control: boolean | null;
  /** CDN-independent connectivity checks: how many answered and failed. */
  connectivity: { ok: number; failed: number };
  /** DNS-over-HTTPS lookup of the failing host, when the browser reported a DNS error. */
  doh: 'resolves' | 'nxdomain' | null;
}

export interface CorrelationFacts {
  /** Unrelated sites (correlation.ts) behind the same vendor that failed alike within the window, this one included. */
  hosts: number;
  /** True when they share the page's colo. */
  sameColo: boolean;
}

export interface PeerFacts {
  state: 'normal' | 'elevated' | 'outage';
  count15: number;
  /** Reports in the last 15 min divided by the usual number; null when there is no baseline. */
  ratio: number | null;
}

/** What the site's own status page says (built-in map or status.<domain> discovery); null when none answered. */
export interface SiteStatusFacts {
  indicator: Indicator;
  incident: IncidentRef | null;
}

/** Everything the decision table looks at. Gatherers fill it; `decide` is pure. */
export interface Facts {
  host: string;
  page: PageFacts;
  vendorStatus: VendorStatusFacts | null;
  siteStatus: SiteStatusFacts | null;
  probes: ProbeFacts;
  correlation: CorrelationFacts;
  peers: PeerFacts | null;
  /** The CDN radar's view of the page's vendor and colo; null when not asked or not answered. */
  radar: RadarFacts | null;
  sources: Partial<Record<SourceName, SourceState>>;
}
