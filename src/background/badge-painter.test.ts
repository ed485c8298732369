import { describe, expect, it } from 'vitest';
import { aDetection, aTabState, aVerdict } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import type { Verdict } from '../core/diagnose/types.ts';
import { badgeForVerdict } from '../shared/badge.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createBadgePainter } from './badge-painter.ts';
import { createDiagnoser, subjectOf } from './diagnosis.ts';
import { currentOf } from './handlers/tab-view.ts';
import { createTabStore } from './tab-store.ts';

function setup() {
  const storage = memoryStorage();
  const store = createTabStore(storage);
  const never = () => new Promise<never>(() => undefined);
  const diagnoser = createDiagnoser({
    storage,
    getState: store.getState,
    config: DEFAULT_PROBE_CONFIG,
    fetch: never,
    vendorStatus: never,
    now: Date.now,
    timeout: () => new AbortController().signal,
    sleep: never,
  });
  const drawn: string[] = [];
  const painter = createBadgePainter({
    serialize: store.serialize,
    current: (tabId) => currentOf({ getState: store.getState, getVerdict: diagnoser.getVerdict }, tabId),
    draw: async (_tabId, state, verdict) => void drawn.push(badgeForVerdict(state, verdict).text),
  });
  const storeVerdict = (state: TabState, verdict: Verdict) =>
    storage.write(tabKeys.verdict(state.tabId), { version: 1, subject: subjectOf(state), url: state.url, verdict });
  return { store, painter, drawn, storeVerdict };
}

/** shop.example's 522 as its page reported it (SITE), and the CDN verdict about it during a data-centre incident. */
const failing = aTabState({ tabId: 3 });
const cdn = aVerdict({ culprit: 'cdn', rule: 'cdn-colo-incident' });

describe('the badge painter', () => {
  it('draws the verdict over the page state of the same reading, whichever was stored last', async () => {
    const { store, painter, drawn, storeVerdict } = setup();
    await store.putState(failing);
    await storeVerdict(failing, cdn);
    await painter.paint(3);
    // The page re-reports the same reading after the verdict (the case that used to repaint SITE).
    await store.putState({ ...failing, updatedAt: 99 });
    await painter.paint(3);
    expect(drawn).toEqual(['CDN', 'CDN']);
  });

  it("draws the page's own badge while the verdict is about another reading of it", async () => {
    const { store, painter, drawn, storeVerdict } = setup();
    const headersOnly = { ...failing, source: 'headers' as const };
    await store.putState(headersOnly);
    await storeVerdict(headersOnly, aVerdict()); // site, from the headers
    const edge = aDetection({ vendor: 'cloudflare', kind: 'edge-error', code: 500, colo: 'ICN' });
    await store.putState({ ...failing, kind: 'edge-error', detection: edge });
    await painter.paint(3);
    expect(drawn).toEqual(['CDN']);
  });

  it('draws what is stored when its turn comes: a move queued before it wins over a stale verdict', async () => {
    const { store, painter, drawn, storeVerdict } = setup();
    await store.putState(failing);
    await storeVerdict(failing, cdn);
    const moved = store.serialize(3, () =>
      store.putState(aTabState({ tabId: 3, host: 'works.example', kind: 'none', status: 200, detection: null })),
    );
    await Promise.all([moved, painter.paint(3)]);
    expect(drawn).toEqual(['']);
  });

  it('draws nothing for a tab whose state is gone', async () => {
    const { painter, drawn } = setup();
    await painter.paint(3);
    expect(drawn).toEqual(['']);
  });
});
