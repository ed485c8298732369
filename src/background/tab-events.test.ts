import { describe, expect, it, vi } from 'vitest';
import { aDetection, somePageMarkers } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import type { Detection, PageSnapshot } from '../core/detect/types.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createTabEvents } from './tab-events.ts';
import { createTabStore } from './tab-store.ts';

const markers = somePageMarkers();

function setup(classify: (s: PageSnapshot) => Detection) {
  const storage = memoryStorage();
  const store = createTabStore(storage);
  const rendered: Array<[number, TabState | null]> = [];
  const events = createTabEvents({
    store,
    classify,
    now: () => 1000,
    render: async (id, s) => void rendered.push([id, s]),
  });
  return { session: storage.areas.session, store, events, rendered };
}

describe('tab events', () => {
  it('joins the page report with the main-frame headers of the same origin, even after the page rewrote its URL', async () => {
    const classify = vi.fn((s: PageSnapshot) =>
      aDetection({ kind: s.page ? 'origin-error' : 'none', vendor: s.headers ? 'cloudflare' : null, code: s.status }),
    );
    const { events, store, rendered } = setup(classify);
    await events.onMainFrameHeaders({
      tabId: 7,
      url: 'https://shop.example/a',
      statusCode: 522,
      responseHeaders: [{ name: 'Server', value: 'cloudflare' }],
    });
    await events.onPageReport(7, 'https://shop.example/a?__cf_chl_rt_tk=x', markers, null);

    const last = classify.mock.calls.at(-1)?.[0];
    expect(last?.headers).toEqual([['server', 'cloudflare']]);
    expect(last?.status).toBe(522);
    expect(await store.getState(7)).toMatchObject({ kind: 'origin-error', host: 'shop.example', status: 522 });
    expect(rendered.map(([, s]) => s?.kind)).toEqual(['none', 'origin-error']);
  });

  it('does not join headers from another origin (the tab navigated away)', async () => {
    const classify = vi.fn((_: PageSnapshot) => aDetection({}));
    const { events } = setup(classify);
    await events.onMainFrameHeaders({ tabId: 1, url: 'https://a.example/', statusCode: 200, responseHeaders: [] });
    await events.onPageReport(1, 'https://b.example/', markers, 403);
    expect(classify.mock.calls.at(-1)?.[0]).toMatchObject({ headers: null, status: 403 });
  });

  it('records a DNS failure as network-error and ignores an aborted load', async () => {
    const { events, store } = setup(() => aDetection({}));
    await events.onMainFrameError({ tabId: 2, url: 'https://gone.example/', error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(await store.getState(2)).toMatchObject({ kind: 'network-error', networkError: { category: 'dns' } });
    await events.onMainFrameError({ tabId: 3, url: 'https://x.example/', error: 'net::ERR_ABORTED' });
    expect(await store.getState(3)).toBeNull();
  });

  it('caps a hostile header flood before storing it', async () => {
    const { events, store } = setup(() => aDetection({}));
    const flood = Array.from({ length: 5000 }, (_, i) => ({ name: `x-${i}`, value: 'v'.repeat(100_000) }));
    await events.onMainFrameHeaders({ tabId: 4, url: 'https://a.example/', statusCode: 200, responseHeaders: flood });
    const response = await store.getResponse(4);
    expect(response?.headers).toHaveLength(64);
    expect(response?.headers[0]?.[1]).toHaveLength(512);
  });

  it('ignores events that belong to no tab (tabId -1: service workers, prefetch)', async () => {
    const { events, session } = setup(() => aDetection({}));
    await events.onMainFrameHeaders({ tabId: -1, url: 'https://a.example/', statusCode: 500 });
    expect(session.data.size).toBe(0);
  });

  it('keeps per-tab order when events race', async () => {
    let n = 0;
    const { events, store } = setup(() => aDetection({ code: ++n }));
    await Promise.all([
      events.onMainFrameHeaders({ tabId: 5, url: 'https://a.example/', statusCode: 500 }),
      events.onPageReport(5, 'https://a.example/', markers, null),
    ]);
    expect((await store.getState(5))?.detection?.code).toBe(2);
  });

  it('forgets the previous document when a page comes back from the back/forward cache', async () => {
    const classify = (s: PageSnapshot) =>
      aDetection({ kind: s.status === 522 ? 'origin-error' : 'none', code: s.status });
    const { events, store, session, rendered } = setup(classify);
    await events.onMainFrameHeaders({ tabId: 4, url: 'https://down.example/', statusCode: 522, responseHeaders: [] });
    expect(await store.getState(4)).toMatchObject({ kind: 'origin-error' });

    await events.onPageRestored(4, 'https://works.example/', 200);
    expect(await store.getState(4)).toMatchObject({ kind: 'none', host: 'works.example', status: 200 });
    expect(session.data.has(tabKeys.response(4).key)).toBe(false); // a later report from the restored page must not join the 522
    expect(rendered.at(-1)?.[1]).toMatchObject({ kind: 'none', url: 'https://works.example/' });
  });
});
