/**
 * Runs the diagnosis for a tab whose page failed, and keeps its verdict in storage.session. A diagnosis in flight is
 * marked there too, so a worker killed mid-way picks it up again on wake (`resume`). Nothing is fetched for normal
 * pages: only a failed page starts one.
 */
import type { CorrelationKeyOptions } from '../core/diagnose/correlation-key.ts';
import { decide } from '../core/diagnose/decide.ts';
import { gatherFacts, type GatherDeps } from '../core/diagnose/gather.ts';
import type { PageFacts, ProbeFacts, Verdict } from '../core/diagnose/types.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createFailureLog } from './failure-log.ts';
import { createProgressWriter, type Progress } from './progress.ts';

/**
 * Told of every verdict that applies to the tab's current page: `fresh` when it was just decided, not fresh when a
 * stored one was reused. A verdict is provisional until the reading it rests on is settled (verdict-life-cycle.ts).
 */
export type OnVerdict = (tabId: number, verdict: Verdict, state: TabState, fresh: boolean) => Promise<void>;

export type DiagnoserDeps = Omit<GatherDeps, 'correlation'> & {
  storage: TypedStorage;
  getState: (tabId: number) => Promise<TabState | null>;
  /** The tab's queue (tab-store.ts): the verdict is checked against the tab's reading and stored in one step. */
  serialize?: <T>(tabId: number, task: () => Promise<T>) => Promise<T>;
  onVerdict?: OnVerdict;
  /** Which host names count as public sites for correlation; only the E2E build widens it (index.ts). */
  correlationKeys?: CorrelationKeyOptions;
  /** The counting key of the page that started the tab's navigation chain, if another page did (chain-roots.ts). */
  chainRoot?: (tabId: number) => Promise<string | null>;
};

/** What a diagnosis keeps per tab: the verdict, and while it runs its in-flight marker and per-source progress. */
const diagnosisItems = (tabId: number) =>
  [tabKeys.verdict(tabId), tabKeys.pendingDiagnosis(tabId), tabKeys.progress(tabId)] as const;

export function pageFactsOf(state: TabState): PageFacts {
  const d = state.detection;
  return {
    kind: state.kind,
    vendor: d?.vendor ?? null,
    colo: d?.colo ?? null,
    code: d?.code ?? state.status,
    unconfirmed: d?.unconfirmed ?? false,
    network: state.networkError?.category ?? null,
    ...(d?.platform && { platform: d.platform }),
  };
}

/** What a verdict is about: the page reading it was made for. A verdict for another subject is not this page's. */
export const subjectOf = (state: TabState) => {
  const p = pageFactsOf(state);
  return [state.url, p.kind, p.vendor, p.colo, p.unconfirmed].join('|');
};

export function createDiagnoser(deps: DiagnoserDeps) {
  const running = new Map<number, { subject: string; job: Promise<Verdict | null> }>();
  const serialize = deps.serialize ?? ((_tabId, task) => task());
  const correlationFor = createFailureLog(deps);

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
    const [verdictItem, pendingItem, progressItem] = diagnosisItems(tabId);
    const existing = await deps.storage.read(verdictItem);
    if (!force && existing?.subject === subject) {
      await announce(tabId, existing.verdict, state, false);
      return existing.verdict;
    }
    await deps.storage.write(pendingItem, { subject, startedAt: deps.now(), onDemand });
    const page = pageFactsOf(state);
    const progress = createProgressWriter(deps.storage, tabId);
    // The chain the page was reached by, read now: by the time the re-fetch is back the tab may be elsewhere.
    const chainRoot = (deps.chainRoot?.(tabId) ?? Promise.resolve(null)).catch(() => null);
    const gatherDeps = {
      ...deps,
      correlation: (refetch: ProbeFacts['origin']) => correlationFor(state, page, chainRoot, refetch),
    };
    const facts = await gatherFacts(gatherDeps, state.url, page, { onDemand, onSource: progress.record });
    await progress.flushed();
    const verdict = decide(facts, deps.now());
    // The tab may have moved on while we gathered; a verdict about the old page must not land on the new one.
    const current = await serialize(tabId, async () => {
      const now = await deps.getState(tabId);
      if (now === null || subjectOf(now) !== subject) return false;
      await deps.storage.write(verdictItem, { version: 1, subject, url: state.url, verdict });
      return true;
    });
    // Only clear the in-flight marker if it is still ours: a newer run for the tab's new page may have replaced it.
    const marker = await deps.storage.read(pendingItem);
    if (marker?.subject === subject) await deps.storage.remove(pendingItem, progressItem);
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
    const pending = await deps.storage.readFamily(tabKeys.pendingDiagnosis);
    await Promise.all(
      pending.map(([tabId, marker]) => diagnose(tabId, { force: true, onDemand: marker?.onDemand === true })),
    );
  }

  /**
   * The verdict about the tab's current page, and the progress of one under way. A verdict about a page the tab has
   * since left is not returned: a tab that failed and then loaded a normal page must not show the old verdict.
   */
  async function getVerdict(
    tabId: number,
  ): Promise<{ verdict: Verdict | null; pending: boolean; progress: Progress | null }> {
    const items = diagnosisItems(tabId);
    const [got, state] = await Promise.all([deps.storage.readTogether(items), deps.getState(tabId)]);
    const [verdictItem, pendingItem, progressItem] = items;
    const stored = got(verdictItem);
    const current = stored !== null && state !== null && stored.subject === subjectOf(state);
    const pending = got(pendingItem) !== null || running.has(tabId);
    return { verdict: current ? stored.verdict : null, pending, progress: pending ? got(progressItem) : null };
  }

  const forget = (tabId: number) => deps.storage.remove(...diagnosisItems(tabId));

  return { diagnose, resume, getVerdict, forget };
}

export type Diagnoser = ReturnType<typeof createDiagnoser>;
