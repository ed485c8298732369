/**
 * Runs the diagnosis for a tab whose page failed, and keeps its verdict in storage.session. A diagnosis in flight is
 * marked there too, so a worker killed mid-way picks it up again on wake (`resume`). Nothing is fetched for normal
 * pages: only a failed page starts one.
 */
import {
  correlate,
  isCorrelatedKind,
  recordFailure,
  registrableDomain,
  type FailureRecord,
} from '../core/diagnose/correlation.ts';
import { decide } from '../core/diagnose/decide.ts';
import { gatherFacts, type GatherDeps } from '../core/diagnose/gather.ts';
import type { PageFacts, Verdict } from '../core/diagnose/types.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createProgressWriter, parseProgress, progressKey, type Progress } from './progress.ts';
import type { SessionArea } from './tab-store.ts';

export interface StoredVerdict {
  version: 1;
  /** What the verdict was about; a new page or a new reading of it makes the verdict stale. */
  subject: string;
  url: string;
  verdict: Verdict;
}

/**
 * Told of every verdict that applies to the tab's current page: `fresh` when it was just decided (notify, log it),
 * not fresh when a stored one was reused (show it again, say nothing new).
 */
export type OnVerdict = (tabId: number, verdict: Verdict, state: TabState, fresh: boolean) => Promise<void>;

export type DiagnoserDeps = Omit<GatherDeps, 'correlation'> & {
  session: SessionArea;
  getState: (tabId: number) => Promise<TabState | null>;
  onVerdict?: OnVerdict;
};

const verdictKey = (tabId: number) => `verdict:${tabId}`;
const pendingKey = (tabId: number) => `diag:${tabId}`;
const FAILURES_KEY = 'failures';

export function pageFactsOf(state: TabState): PageFacts {
  const d = state.detection;
  return {
    kind: state.kind,
    vendor: d?.vendor ?? null,
    colo: d?.colo ?? null,
    code: d?.code ?? state.status,
    unconfirmed: d?.unconfirmed ?? false,
    network: state.networkError?.category ?? null,
  };
}

/** What a verdict is about: the page reading it was made for. A verdict for another subject is not this page's. */
export const subjectOf = (state: TabState) => {
  const p = pageFactsOf(state);
  return [state.url, p.kind, p.vendor, p.colo, p.unconfirmed].join('|');
};

export function createDiagnoser(deps: DiagnoserDeps) {
  const running = new Map<number, { subject: string; job: Promise<Verdict | null> }>();

  async function correlationFor(state: TabState, page: PageFacts) {
    const site = registrableDomain(state.host);
    const stored = (await deps.session.get(FAILURES_KEY))[FAILURES_KEY];
    let log = Array.isArray(stored) ? (stored as FailureRecord[]) : [];
    const now = deps.now();
    if (page.vendor && isCorrelatedKind(page.kind) && !page.unconfirmed) {
      log = recordFailure(log, { site, vendor: page.vendor, colo: page.colo, kind: page.kind, at: now }, now);
      await deps.session.set({ [FAILURES_KEY]: log });
    }
    return correlate(log, { site, vendor: page.vendor, colo: page.colo }, now);
  }

  /** A failing side effect (a notification, the log) must not cost the verdict itself. */
  async function announce(...args: Parameters<OnVerdict>) {
    try {
      await deps.onVerdict?.(...args);
    } catch {
      // Nothing to undo: the verdict is stored and the popup shows it.
    }
  }

  /** `onDemand`: the person asked to check a page that looked fine ("Check this site"); nothing else diagnoses one. */
  async function run(
    tabId: number,
    state: TabState,
    subject: string,
    force: boolean,
    onDemand: boolean,
  ): Promise<Verdict | null> {
    const existing = (await deps.session.get(verdictKey(tabId)))[verdictKey(tabId)] as StoredVerdict | undefined;
    if (!force && existing?.version === 1 && existing.subject === subject) {
      await announce(tabId, existing.verdict, state, false);
      return existing.verdict;
    }
    await deps.session.set({ [pendingKey(tabId)]: { subject, startedAt: deps.now(), onDemand } });
    const page = pageFactsOf(state);
    const progress = createProgressWriter(deps.session, tabId);
    const gatherDeps = { ...deps, correlation: () => correlationFor(state, page) };
    const facts = await gatherFacts(gatherDeps, state.url, page, { onDemand, onSource: progress.record });
    await progress.flushed();
    const verdict = decide(facts, deps.now());
    // The tab may have moved on while we gathered; a verdict about the old page must not land on the new one.
    const now = await deps.getState(tabId);
    const current = now !== null && subjectOf(now) === subject;
    if (current) {
      await deps.session.set({
        [verdictKey(tabId)]: { version: 1, subject, url: state.url, verdict } satisfies StoredVerdict,
      });
    }
    // Only clear the in-flight marker if it is still ours: a newer run for the tab's new page may have replaced it.
    const marker = (await deps.session.get(pendingKey(tabId)))[pendingKey(tabId)] as { subject?: unknown } | undefined;
    if (marker?.subject === subject) await deps.session.remove([pendingKey(tabId), progressKey(tabId)]);
    if (current) await announce(tabId, verdict, state, true);
    return verdict;
  }

  /**
   * Diagnoses the tab unless a diagnosis of the same page reading is already stored or under way. A run for an older
   * reading (headers first, then the page report that changed the kind) does not stand in for the new one.
   */
  async function diagnose(tabId: number, { force = false, onDemand = false } = {}): Promise<Verdict | null> {
    const state = await deps.getState(tabId);
    if (!state || (state.kind === 'none' && !onDemand)) return null;
    const subject = subjectOf(state);
    const pending = running.get(tabId);
    if (pending && pending.subject === subject && !force) return pending.job;
    const job = run(tabId, state, subject, force, onDemand).finally(
      () => running.get(tabId)?.job === job && running.delete(tabId),
    );
    running.set(tabId, { subject, job });
    return job;
  }

  /** On worker start: finish what a killed worker left half done. */
  async function resume(): Promise<void> {
    const all = await deps.session.get(null);
    const tabIds = Object.keys(all)
      .filter((k) => k.startsWith('diag:'))
      .map((k) => Number(k.slice(5)));
    const onDemandOf = (tabId: number) =>
      (all[pendingKey(tabId)] as { onDemand?: unknown } | undefined)?.onDemand === true;
    await Promise.all(
      tabIds.filter(Number.isInteger).map((tabId) => diagnose(tabId, { force: true, onDemand: onDemandOf(tabId) })),
    );
  }

  /**
   * The verdict about the tab's current page, and the progress of one under way. A verdict about a page the tab has
   * since left is not returned: a tab that failed and then loaded a normal page must not show the old verdict.
   */
  async function getVerdict(
    tabId: number,
  ): Promise<{ verdict: Verdict | null; pending: boolean; progress: Progress | null }> {
    const [got, state] = await Promise.all([
      deps.session.get([verdictKey(tabId), pendingKey(tabId), progressKey(tabId)]),
      deps.getState(tabId),
    ]);
    const stored = got[verdictKey(tabId)] as StoredVerdict | undefined;
    const current = stored?.version === 1 && state !== null && stored.subject === subjectOf(state);
    const pending = pendingKey(tabId) in got || running.has(tabId);
    return {
      verdict: current ? stored.verdict : null,
      pending,
      progress: pending ? parseProgress(got[progressKey(tabId)]) : null,
    };
  }

  const forget = (tabId: number) => deps.session.remove([verdictKey(tabId), pendingKey(tabId), progressKey(tabId)]);

  return { diagnose, resume, getVerdict, forget };
}

export type Diagnoser = ReturnType<typeof createDiagnoser>;
