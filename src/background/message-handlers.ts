/**
 * Handlers for the message protocol, with the trust checks of each channel: page reports come from content scripts
 * in hostile pages (validated, top frame only, rate-limited per tab); tab state is served to extension pages only.
 */
import * as v from 'valibot';
import { createRateLimiter } from '../core/rate-limit.ts';
import type { Runtime } from '../shared/browser.ts';
import type { Handlers, TabReport } from '../shared/messages.ts';
import type { Diagnoser } from './diagnosis.ts';
import type { Peers } from './peers.ts';
import { statusLinksFor } from './status-links.ts';
import { PageReportSchema, parsePageReport } from '../shared/page-report.ts';
import type { createTabEvents } from './tab-events.ts';
import type { TabStore } from './tab-store.ts';

export interface MessageDeps {
  events: ReturnType<typeof createTabEvents>;
  store: TabStore;
  diagnoser: Pick<Diagnoser, 'diagnose' | 'getVerdict'>;
  now: () => number;
  /** The extension's own origin, e.g. `chrome-extension://<id>`; only pages from it may read tab state. */
  extensionOrigin: string;
  peers: Pick<Peers, 'statusFor' | 'reportNow'>;
  /** E2E build only; absent in production, where `e2e/open` is refused. */
  openExtensionPage?: (path: string, senderTabId: number) => Promise<void>;
}

/** A page may re-report as late text is drawn, but never flood: 8 at once, then one every 2 s. */
const PAGE_REPORT_LIMIT = { capacity: 8, refillPerSecond: 0.5, maxKeys: 500 };

const RestoredSchema = v.strictObject({ status: PageReportSchema.entries.status });
const TabRequestSchema = v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const OpenRequestSchema = v.strictObject({
  path: v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z]+\.html(\?[\w=&-]*)?$/)),
});

export function isExtensionPage(sender: Runtime.MessageSender, extensionOrigin: string): boolean {
  return sender.tab === undefined || (sender.url ?? '').startsWith(`${extensionOrigin}/`);
}

/** The page and tab channels; watch/* and history/* are in watch-handlers.ts. */
type TabHandlers = Pick<
  Handlers,
  'page/report' | 'page/restored' | 'tab/get' | 'tab/check' | 'peer/status' | 'peer/report' | 'e2e/open'
>;

export function createMessageHandlers({
  events,
  store,
  diagnoser,
  peers,
  now,
  extensionOrigin,
  openExtensionPage,
}: MessageDeps): TabHandlers {
  const EMPTY: TabReport = { state: null, verdict: null, pending: false };

  async function reportOf(tabId: number): Promise<TabReport> {
    const [state, got] = await Promise.all([store.getState(tabId), diagnoser.getVerdict(tabId)]);
    const verdict = state ? got.verdict : null;
    const report: TabReport = { state, verdict, pending: got.pending, progress: got.progress ?? null };
    return state ? { ...report, links: statusLinksFor(state, verdict) } : report;
  }

  /** The tab's state and its current verdict (null when the stored one is about another page). */
  async function tabAndVerdict(tabId: number) {
    const [state, { verdict }] = await Promise.all([store.getState(tabId), diagnoser.getVerdict(tabId)]);
    return { state, verdict: state ? verdict : null };
  }

  const limiter = createRateLimiter(PAGE_REPORT_LIMIT);

  return {
    async 'page/report'(payload, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0 || !sender.url) return;
      if (!limiter.take(`tab:${tabId}`, now()).ok) return;
      const report = parsePageReport(payload);
      if (!report) return;
      await events.onPageReport(tabId, sender.url, report.markers, report.status);
    },

    async 'page/restored'(payload, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0 || !sender.url) return;
      // The same bucket as page reports: a page that fakes restores to wipe its tab's state gets no further.
      const restored = v.safeParse(RestoredSchema, payload);
      if (!restored.success || !limiter.take(`tab:${tabId}`, now()).ok) return;
      await events.onPageRestored(tabId, sender.url, restored.output.status);
    },

    async 'tab/get'(payload, sender) {
      const request = v.safeParse(TabRequestSchema, payload);
      if (!request.success || !isExtensionPage(sender, extensionOrigin)) return EMPTY;
      return reportOf(request.output.tabId);
    },

    async 'tab/check'(payload, sender) {
      const request = v.safeParse(TabRequestSchema, payload);
      if (!request.success || !isExtensionPage(sender, extensionOrigin)) return EMPTY;
      // Not awaited: the popup shows each source as it settles, by polling tab/get.
      void diagnoser.diagnose(request.output.tabId, { force: true, onDemand: true });
      return reportOf(request.output.tabId);
    },

    async 'peer/status'(payload, sender) {
      const request = v.safeParse(TabRequestSchema, payload);
      if (!request.success || !isExtensionPage(sender, extensionOrigin)) return null;
      const { state, verdict } = await tabAndVerdict(request.output.tabId);
      return state ? peers.statusFor(state, verdict) : null;
    },

    async 'peer/report'(payload, sender) {
      const request = v.safeParse(TabRequestSchema, payload);
      if (!request.success || !isExtensionPage(sender, extensionOrigin)) return { outcome: 'off', peer: null };
      const { state, verdict } = await tabAndVerdict(request.output.tabId);
      if (!state) return { outcome: 'not-reportable', peer: null };
      const outcome = await peers.reportNow(state, verdict);
      return { outcome, peer: await peers.statusFor(state, verdict) };
    },

    async 'e2e/open'(payload, sender) {
      const request = v.safeParse(OpenRequestSchema, payload);
      const tabId = sender.tab?.id;
      if (!openExtensionPage || !request.success || tabId === undefined) return;
      await openExtensionPage(request.output.path, tabId);
    },
  };
}
