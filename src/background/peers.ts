/**
 * Opt-in peer reports in the background: the `peers` source of the diagnosis, a report after a settled verdict that
 * the report policy accepts (verdict-life-cycle.ts), and the popup's "Report this problem". While `peerReports` is
 * off nothing here sends or stores anything: the source is skipped and verdicts pass by. The daily client id lives in
 * storage.local (it must outlive a browser restart within the day), the per-site report times in storage.session
 * (they only matter for 10 minutes).
 */
import { createKeyedQueue } from '../core/serial-queue.ts';
import { SourceSkipped } from '../core/diagnose/run-source.ts';
import type { PeerFacts, Verdict } from '../core/diagnose/types.ts';
import { currentClientId } from '../core/peer/client-id.ts';
import type { PeerClient } from '../core/peer/client.ts';
import { publicSiteOf } from '../core/registrable-domain.ts';
import { isReportDue, recordReport, reportFor } from '../core/peer/report-policy.ts';
import type { PeerReportStatus, PersonReportOutcome } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { keys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import type { TabState } from '../shared/tab-state.ts';
import { pageFactsOf, type OnVerdict } from './diagnosis.ts';

export interface PeerDeps {
  settings: () => Promise<Settings>;
  client: PeerClient;
  storage: TypedStorage;
  now: () => number;
  randomBytes: (count: number) => Uint8Array;
  /** Firefox's data-collection grant (shared/peer-consent.ts); absent where the setting alone decides. */
  isAllowed?: () => Promise<boolean>;
  /** Where a failed report is told; it never reaches the person, the verdict stands without it. */
  onReportError?: (error: unknown) => void;
}

/** The endpoints to use, or null while peer reports are off, not granted, or have nowhere to go. */
async function activeEndpoints(deps: PeerDeps): Promise<string[] | null> {
  const settings = await deps.settings();
  if (!settings.peerReports || settings.peerEndpoints.length === 0) return null;
  return (await (deps.isAllowed?.() ?? true)) ? settings.peerEndpoints : null;
}

export function createPeers(deps: PeerDeps) {
  /** Reports are decided one at a time, so two tabs failing on one site together send one report. */
  const queue = createKeyedQueue<string>();
  const decide = <T>(task: () => Promise<T>): Promise<T> => queue.run(keys.peerReported.key, task);

  /** The diagnosis' `peers` source. Off → skipped; no server answering → throws, so the source shows `failed`. */
  async function lookup(host: string, signal: AbortSignal): Promise<PeerFacts | null> {
    const endpoints = await activeEndpoints(deps);
    if (!endpoints) throw new SourceSkipped('peer reports are off');
    if (publicSiteOf(host) === null) throw new SourceSkipped('not a public site');
    return deps.client.lookup(endpoints, host, signal);
  }

  async function clientId(): Promise<string> {
    const stored = await deps.storage.read(keys.peerClientId);
    const { clientId: current, isNew } = currentClientId(stored, deps.now(), deps.randomBytes);
    if (isNew) await deps.storage.write(keys.peerClientId, current);
    return current.id;
  }

  const reportedSites = () => deps.storage.read(keys.peerReported);

  async function report(...[, verdict, state, fresh]: Parameters<OnVerdict>): Promise<void> {
    if (!fresh) return;
    const endpoints = await activeEndpoints(deps);
    if (!endpoints) return;
    const fields = reportFor(verdict, pageFactsOf(state));
    const site = publicSiteOf(state.host);
    if (!fields || site === null) return;
    const sent = await reportedSites();
    const now = deps.now();
    if (!isReportDue(sent, site, now)) return;
    // Marked before sending: a report that fails is not retried within the interval, so a dead server is not hammered.
    await deps.storage.write(keys.peerReported, recordReport(sent, site, now));
    await deps.client.submit(endpoints, site, { ...fields, clientId: await clientId() });
  }

  /** For the popup; null while peer reports are off or the page is not a public site. */
  async function statusFor(state: TabState, verdict: Verdict | null): Promise<PeerReportStatus | null> {
    const site = publicSiteOf(state.host);
    if (site === null || !(await activeEndpoints(deps))) return null;
    const sent = await reportedSites();
    const reportedAt = isReportDue(sent, site, deps.now()) ? null : (sent[site] ?? null);
    const isReportable = verdict !== null && reportFor(verdict, pageFactsOf(state), true) !== null;
    return { canReport: isReportable && reportedAt === null, reportedAt };
  }

  /**
   * "Report this problem": the person vouches for the failure (see reportFor). Unlike an automatic report it is
   * marked only once a server took it, so pressing again after a failure tries again.
   */
  async function reportByPerson(state: TabState, verdict: Verdict | null): Promise<PersonReportOutcome> {
    const endpoints = await activeEndpoints(deps);
    const site = publicSiteOf(state.host);
    if (!endpoints || site === null) return 'off';
    const fields = verdict && reportFor(verdict, pageFactsOf(state), true);
    if (!fields) return 'not-reportable';
    if (!isReportDue(await reportedSites(), site, deps.now())) return 'already-reported';
    try {
      await deps.client.submit(endpoints, site, { ...fields, clientId: await clientId() });
    } catch (error) {
      deps.onReportError?.(error);
      return 'failed';
    }
    await deps.storage.write(keys.peerReported, recordReport(await reportedSites(), site, deps.now()));
    return 'sent';
  }

  /** For the onVerdict hook: never throws, and settles once the report is sent or dropped. */
  const onVerdict: OnVerdict = (...args) =>
    decide(() => report(...args)).catch((error: unknown) => deps.onReportError?.(error));

  /** Pressed reports join the same queue, so a press and an automatic report of one site cannot both go out. */
  const reportNow = (state: TabState, verdict: Verdict | null): Promise<PersonReportOutcome> =>
    decide(() => reportByPerson(state, verdict));

  /** When peer reports are turned off: drop the daily id and the report times at once rather than at day's end. */
  async function forget(): Promise<void> {
    await deps.storage.remove(keys.peerClientId, keys.peerReported);
  }

  return { lookup, onVerdict, statusFor, reportNow, forget };
}

export type Peers = ReturnType<typeof createPeers>;
