/**
 * The background's per-tab pipeline, assembled once: the tab store, the diagnoser, the badge painter, the verdict
 * life cycle and the tab events that feed them. The extension, the unit-test world and the settling bench each run
 * this same wiring; what differs between them (storage, the diagnosis' sources and clock, how a badge is drawn, what
 * a settled verdict sets off, how timers run) is passed in.
 */
import { classify } from '../core/detect/index.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import type { TabState } from '../shared/tab-state.ts';
import { type BadgePainterDeps, createBadgePainter } from './badge-painter.ts';
import { createDiagnoser, type DiagnoserDeps } from './diagnosis.ts';
import { currentOf } from './handlers/tab-view.ts';
import { createTabEvents } from './tab-events.ts';
import { createTabStore } from './tab-store.ts';
import { createVerdictLifeCycle, type LifeCycleDeps } from './verdict-life-cycle.ts';

export interface TabPipelineDeps {
  storage: TypedStorage;
  now: () => number;
  /** Where the diagnosis looks (fetch, status sources, peers, probe config) and how it waits. */
  diagnosis: Omit<DiagnoserDeps, 'storage' | 'now' | 'getState' | 'serialize' | 'onVerdict'>;
  draw: BadgePainterDeps['draw'];
  schedule: LifeCycleDeps['schedule'];
  onSettled: LifeCycleDeps['onSettled'];
  /** Told of every stored reading after the life cycle has drawn it, before its diagnosis starts. */
  onPageState?: (state: TabState) => Promise<void>;
  /** Resolves once the tab's page has loaded (load-gate.ts): its response is read then. At once by default. */
  whenLoaded?: (tabId: number) => Promise<void>;
}

export function createTabPipeline(deps: TabPipelineDeps) {
  const { storage, now } = deps;
  const store = createTabStore(storage);
  const diagnoser = createDiagnoser({
    ...deps.diagnosis,
    storage,
    now,
    getState: store.getState,
    serialize: store.serialize,
    onVerdict: (tabId) => lifeCycle.onVerdict(tabId),
  });
  const view = { getState: store.getState, getVerdict: diagnoser.getVerdict };
  const painter = createBadgePainter({
    serialize: store.serialize,
    current: (tabId) => currentOf(view, tabId),
    draw: deps.draw,
  });
  const lifeCycle = createVerdictLifeCycle({
    store,
    storage,
    now,
    schedule: deps.schedule,
    paint: painter.paint,
    onSettled: deps.onSettled,
  });
  /** Every stored reading is drawn and followed until it settles; a failed page also starts its diagnosis. */
  const onReading = async (tabId: number, state: TabState, before: TabState | null) => {
    await lifeCycle.onReading(tabId, state, before);
    await deps.onPageState?.(state);
    if (state.kind !== 'none') void diagnoser.diagnose(tabId);
  };
  const whenLoaded = deps.whenLoaded ?? (() => Promise.resolve());
  const events = createTabEvents({ store, classify, now, onReading, whenLoaded });
  return { store, diagnoser, view, painter, lifeCycle, events };
}
