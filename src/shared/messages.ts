/**
 * The one typed message protocol between contexts. Names are 'area/verb'. The handler map is typed over the whole
 * protocol, so a message without a handler is a compile error; senders get the response type for free.
 */
import { browser, type Runtime } from './browser.ts';
import type { PageReport } from './page-report.ts';
import type { TabState } from './tab-state.ts';
import type { SourceName, SourceState, Verdict } from '../core/diagnose/types.ts';
import type { HistoryEntry } from '../core/history/log.ts';
import type { Watch } from '../core/watch/schedule.ts';

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

export interface Protocol {
  /** Content script → background: what the document shows (hostile input; validated on arrival). */
  'page/report': { req: PageReport; res: undefined };
  /**
   * Content script → background: this document came back from the back/forward cache. No request was made, so the
   * tab's stored state still describes the document shown before it; the background replaces it with this one's.
   * `status` is the restored document's own, from its Navigation Timing.
   */
  'page/restored': { req: { status: number | null }; res: undefined };
  /** Extension page → background: the stored state of a tab. */
  'tab/get': { req: { tabId: number }; res: TabReport };
  /**
   * Extension page → background: diagnose now ("Check again", or "Check this site" for a page that looked fine), and
   * answer at once with `pending`; the page then follows its progress through `tab/get`.
   */
  'tab/check': { req: { tabId: number }; res: TabReport };
  /**
   * Extension page → background: whether the tab's failure may be reported, or when it was; null while peer reports
   * are off. Asked by the popup after its first render, and only when peer reports are on, so tab/get stays lean.
   */
  'peer/status': { req: { tabId: number }; res: PeerReportStatus | null };
  /** Extension page → background: "Report this problem" for the tab's failure, and the status after it. */
  'peer/report': { req: { tabId: number }; res: { outcome: PersonReportOutcome; peer: PeerReportStatus | null } };
  /** Extension page → background: watch the tab's host and notify when it answers again. */
  'watch/start': { req: { tabId: number }; res: Watch[] };
  /** Extension page → background: stop watching a host. */
  'watch/cancel': { req: { host: string }; res: Watch[] };
  /** Extension page → background: the active watches, oldest first. */
  'watch/list': { req: Record<string, never>; res: Watch[] };
  /** Extension page → background: the incident log, newest first. */
  'history/list': { req: Record<string, never>; res: HistoryEntry[] };
  /** Extension page → background: empty the incident log. */
  'history/clear': { req: Record<string, never>; res: undefined };
  /** E2E build only: open an extension page in a new tab (BiDi cannot navigate to moz-extension://). */
  'e2e/open': { req: { path: string }; res: undefined };
}

export type MessageType = keyof Protocol;
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Protocol[K]['req'];
}

export type Handlers = {
  [K in MessageType]: (payload: unknown, sender: Runtime.MessageSender) => Promise<Protocol[K]['res']>;
};

/** Sends a message to the background and returns its typed answer. */
export function send<K extends MessageType>(type: K, payload: Protocol[K]['req']): Promise<Protocol[K]['res']> {
  return browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>) as Promise<Protocol[K]['res']>;
}

function isEnvelope(message: unknown): message is { type: string; payload: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/**
 * Builds the single onMessage listener of a context. It is a plain function, not `async`: returning a Promise takes
 * over the reply, so it returns one only for known types and `undefined` for everything else (style notes §0.2).
 * Handlers receive `unknown` payloads on purpose: each validates its own input.
 */
export function createDispatcher(handlers: Handlers) {
  return (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    return handlers[message.type as MessageType](message.payload, sender);
  };
}
