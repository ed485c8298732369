/**
 * What a vendor's status page says, reduced to plain data the diagnosis engine can reason with.
 * Every parser in this folder produces these shapes; nothing here knows about fetch or the browser.
 */
import type { DetectionKind, Vendor } from '../detect/types.ts';

/** Who a status source speaks for: a CDN/WAF vendor, or the failing site itself. */
export type StatusSubject = Vendor | 'site';

/** Overall state of a page. `unknown` when the page reports a value we do not know (never read as fine). */
export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | 'unknown';

/**
 * A component's state after applying the vendor's own semantics.
 * `rerouted`: Cloudflare data-centre `partial_outage`/`under_maintenance`; traffic is served from a
 * neighbouring data centre, so users are not cut off (slower at most).
 */
export type ComponentState = 'operational' | 'degraded' | 'partial' | 'major' | 'maintenance' | 'rerouted' | 'unknown';

export interface ComponentStatus {
  id: string;
  name: string;
  status: ComponentState;
  /** The vendor's raw value (`partial_outage`, `"3"`, ...), kept for display and debugging. */
  rawStatus: string;
  /** The page's own label where it differs from the raw value (Cloudflare: "Re-routed", "Offline"). */
  label?: string;
  /** Name of the group the component sits in (Statuspage `group_id`), e.g. `Asia`. */
  group?: string;
  /** IATA code when the component is a single data centre / PoP, e.g. `ICN`. */
  colo?: string;
  /** Detection kinds an outage of this component would explain (CDN/Cache → edge-error, WAF → blocked ...). */
  explains: DetectionKind[];
}

/** Where an incident is in its life, normalised across platforms. */
export type IncidentPhase = 'active' | 'monitoring' | 'resolved' | 'scheduled' | 'in-maintenance';

export interface Incident {
  id: string;
  title: string;
  url: string | null;
  kind: 'incident' | 'maintenance';
  phase: IncidentPhase;
  /** The vendor's raw status string (`investigating`, `in_progress`, `"2"`, `SERVICE_OUTAGE` ...). */
  rawStatus: string;
  impact: Indicator;
  /** Epoch ms; null when the source gives none or an unparseable one. */
  startedAt: number | null;
  updatedAt: number | null;
  /** Maintenance window, epoch ms (Statuspage `scheduled_for` / `scheduled_until`). */
  scheduledFor?: number | null;
  scheduledUntil?: number | null;
  /** Ids of components in the same VendorStatus that the incident names. */
  componentIds: string[];
  /** IATA codes the incident names (affected data-centre components, `EWR (Newark) on ...` titles). */
  colos: string[];
}

/**
 * How much a successful parse can vouch for:
 * - `components`: a full component list with states (Statuspage summary.json);
 * - `indicator`: only the page-wide indicator (Statuspage status.json);
 * - `incidents`: a feed of open incidents; silence means "nothing reported", not "verified fine";
 * - `heuristic`: incidents inferred from a history feed by wording (Fastly); treat with care.
 */
type Coverage = 'components' | 'indicator' | 'incidents' | 'heuristic';

export interface VendorStatus {
  /** URL the data came from. */
  source: string;
  vendor: StatusSubject;
  /** Epoch ms when this data was fetched or last revalidated (304). */
  fetchedAt: number;
  /** The indicator after vendor semantics (Cloudflare: re-routed data centres alone count as `none`). */
  indicator: Indicator;
  /** What the API itself said, before vendor semantics. */
  rawIndicator: string;
  description?: string;
  coverage: Coverage;
  /** Leaf components only: groups are folded into `group` (their state is a roll-up of the children). */
  components: ComponentStatus[];
  /** Unresolved incidents plus scheduled/in-progress maintenances (and, for feeds, recently resolved ones). */
  incidents: Incident[];
  page?: { name: string; url: string };
}

/** What a parser returns: no timing, no fetch concerns. */
export type ParseResult = { state: 'ok'; status: VendorStatus } | { state: 'failed'; reason: string };

/** What the fetcher returns for one source. `ms` is the wall time spent (0 for a cache hit). */
export type SourceResult =
  | { state: 'ok'; status: VendorStatus; ms: number }
  | { state: 'failed' | 'timeout' | 'skipped'; reason: string; ms: number };

/** The HTTP facts a parser needs alongside the body. */
export interface ParseMeta {
  contentType: string | null;
  httpStatus: number;
  url: string;
  now: number;
}

/** A pure parser of one status format. Must never throw and never return `ok` for input it cannot vouch for. */
export type StatusParser = (body: Uint8Array | string, meta: ParseMeta) => ParseResult;

/** Largest body any parser accepts by default; status payloads are far smaller (Cloudflare's is ~210 KB). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * One place to ask about a subject's status: an HTTP endpoint with its parser, or a subject with no
 * usable public API (the fetcher answers `skipped`, which the engine reads as "unknown", never "fine").
 */
export type StatusSource =
  | {
      kind: 'http';
      /** Stable key for caching and request merging, e.g. `cloudflare`, `site:github.com`. */
      id: string;
      subject: StatusSubject;
      /** Human name of the status page, e.g. `Cloudflare status`. */
      name: string;
      url: string;
      /** Accept header to send. */
      accept: string;
      parse: StatusParser;
      /** Body cap for this source when it differs from MAX_BODY_BYTES (GCP's history file). */
      maxBytes?: number;
    }
  | { kind: 'unavailable'; id: string; subject: StatusSubject; name: string; reason: string };
