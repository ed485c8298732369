/**
 * The message protocol between contexts, declared once. For each type ('area/verb') the route table says on which
 * channel it may arrive, the schema its payload must pass, and the type of its answer. The background's dispatcher
 * enforces channel and schema before any handler runs; `send()` (send.ts, kept apart so the content script does not
 * load valibot) gives senders the answer type.
 */
import * as v from 'valibot';
import type { SourceName, SourceState, Verdict } from '../core/diagnose/types.ts';
import type { HistoryEntry } from '../core/history/log.ts';
import type { Watch } from '../core/watch/schedule.ts';
import { PageReportSchema } from './page-report.ts';
import type { TabState } from './tab-state.ts';

/** What an extension page needs to show a tab: its first-hand state and the verdict, if one is ready. */
export interface TabReport {
  state: TabState | null;
  verdict: Verdict | null;
  /** A diagnosis is under way; the verdict will change. */
  pending: boolean;
  /** While pending: each source that has settled so far (skipped ones included); absent ones are still running. */
  progress?: Partial<Record<SourceName, SourceState>> | null;
  /** Public status pages for people, when known. */
  links?: StatusLinks;
}

/** What the popup shows about reporting this tab's failure; null while peer reports are off. */
export interface PeerReportStatus {
  /** "Report this problem" may be pressed: the failure is reportable and the site was not reported in 10 minutes. */
  canReport: boolean;
  /** When this browser last reported the site, within the last 10 minutes (automatically or by the button). */
  reportedAt: number | null;
}

/** How a press of "Report this problem" ended. */
export type PersonReportOutcome = 'sent' | 'already-reported' | 'not-reportable' | 'off' | 'failed';

export interface StatusLinks {
  /** The CDN's public status page. */
  vendor: string | null;
  /** The site's own status page: built in, or found at status.<domain>. */
  site: string | null;
}

/**
 * Who may send a message. `content`: a content script in the top frame of an http(s) page of a tab; the page is
 * hostile, so its messages are also rate-limited per tab. `extension`: a page of ours (popup, options, history).
 */
export type Channel = 'content' | 'extension';

/** Declares a route's answer type; the value itself is never read. */
const answers = <T>() => undefined as unknown as T;

const TabRequest = v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const NoRequest = v.strictObject({});

export const ROUTES = {
  /** What the document shows (hostile input: bounded by its schema). */
  'page/report': { channel: 'content', request: PageReportSchema, response: answers<undefined>() },
  /**
   * This document came back from the back/forward cache. No request was made, so the tab's stored state still
   * describes the document shown before it; the background replaces it with this one's. `status` is the restored
   * document's own, from its Navigation Timing; `document` starts at the restore, and the page's reports after it
   * carry the same.
   */
  'page/restored': {
    channel: 'content',
    request: v.strictObject({ status: PageReportSchema.entries.status, document: PageReportSchema.entries.document }),
    response: answers<undefined>(),
  },
  /** The stored state of a tab. */
  'tab/get': { channel: 'extension', request: TabRequest, response: answers<TabReport>() },
  /**
   * Diagnose now ("Check again", or "Check this site" for a page that looked fine), and answer at once with
   * `pending`; the page then follows its progress through `tab/get`.
   */
  'tab/check': { channel: 'extension', request: TabRequest, response: answers<TabReport>() },
  /**
   * Whether the tab's failure may be reported, or when it was; null while peer reports are off. Asked by the popup
   * after its first render, and only when peer reports are on, so tab/get stays lean.
   */
  'peer/status': { channel: 'extension', request: TabRequest, response: answers<PeerReportStatus | null>() },
  /** "Report this problem" for the tab's failure, and the status after it. */
  'peer/report': {
    channel: 'extension',
    request: TabRequest,
    response: answers<{ outcome: PersonReportOutcome; peer: PeerReportStatus | null }>(),
  },
  /** Watch the tab's host and notify when it answers again; a content script must not make us probe a host. */
  'watch/start': { channel: 'extension', request: TabRequest, response: answers<Watch[]>() },
  /** Stop watching a host. */
  'watch/cancel': {
    channel: 'extension',
    request: v.strictObject({ host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)) }),
    response: answers<Watch[]>(),
  },
  /** The active watches, oldest first. */
  'watch/list': { channel: 'extension', request: NoRequest, response: answers<Watch[]>() },
  /** The incident log, newest first. */
  'history/list': { channel: 'extension', request: NoRequest, response: answers<HistoryEntry[]>() },
  /** Empty the incident log. */
  'history/clear': { channel: 'extension', request: NoRequest, response: answers<undefined>() },
  /**
   * Open an extension page in a new tab, for WebDriver BiDi, which cannot navigate to moz-extension://. Only the E2E
   * build has a handler; elsewhere it is refused as unavailable.
   */
  'e2e/open': {
    channel: 'content',
    request: v.strictObject({ path: v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z]+\.html(\?[\w=&-]*)?$/)) }),
    response: answers<undefined>(),
    testOnly: true,
  },
} as const satisfies Record<string, { channel: Channel; request: v.GenericSchema; response: unknown; testOnly?: true }>;

export type MessageType = keyof typeof ROUTES;
type RouteOf<K extends MessageType> = (typeof ROUTES)[K];
export type RequestOf<K extends MessageType> = v.InferOutput<RouteOf<K>['request']>;
export type ResponseOf<K extends MessageType> = RouteOf<K>['response'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}

/** A content script's sender, once checked: always a tab's top frame with an http(s) URL. */
export interface ContentSender {
  tabId: number;
  url: string;
}
/** An extension page: the popup has no tab; options and history opened in a tab have one. */
export interface ExtensionSender {
  tabId: number | null;
  url: string | null;
}
type SenderOf<K extends MessageType> = RouteOf<K>['channel'] extends 'content' ? ContentSender : ExtensionSender;

/** Runs after the dispatcher has checked the sender and parsed the payload. */
type Handler<K extends MessageType> = (request: RequestOf<K>, sender: SenderOf<K>) => Promise<ResponseOf<K>>;

type TestOnlyType = { [K in MessageType]: RouteOf<K> extends { testOnly: true } ? K : never }[MessageType];
/** One handler per type; a test-only type may have none (production builds), and is then refused. */
export type Handlers = { [K in Exclude<MessageType, TestOnlyType>]: Handler<K> } & {
  [K in TestOnlyType]?: Handler<K>;
};

/** Why a message was refused: wrong sender, payload off its schema, too many from one tab, no handler here. */
export type RefusalReason = 'channel' | 'payload' | 'rate-limit' | 'unavailable';

/** The one answer to every refused message; no route's answer has an `error` field, so senders can tell it apart. */
export interface Refusal {
  error: 'refused';
  reason: RefusalReason;
}
