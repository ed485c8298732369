import { describe, expect, it, vi } from 'vitest';
import { aDetection, aPageReport } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import type { Detection, PageSnapshot } from '../core/detect/types.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';
import { READING_WAIT_MS } from './reading-merge.ts';
import { createTabEvents } from './tab-events.ts';
import { createTabStore } from './tab-store.ts';

const NOW = 10_000;

function setup(classify: (s: PageSnapshot) => Detection) {
  const storage = memoryStorage();
  const store = createTabStore(storage);
  const told: Array<[number, TabState]> = [];
  const events = createTabEvents({
    store,
    classify,
    now: () => NOW,
    onReading: async (id, s) => void told.push([id, s]),
    whenLoaded: () => Promise.resolve(),
  });
  return { session: storage.areas.session, store, events, told };
}

const headers = (tabId: number, url: string, statusCode: number, timeStamp: number, server = 'cloudflare') => ({
  tabId,
  url,
  statusCode,
  timeStamp,
  responseHeaders: [{ name: 'Server', value: server }],
});

/** Classifies as a CDN would: `origin-error` from headers alone, the page's own kind once it has reported. */
const cdnLike = (pageKind: Detection['kind']) =>
  vi.fn((s: PageSnapshot) =>
    aDetection({
      kind: s.page ? pageKind : s.status !== null && s.status >= 500 ? 'origin-error' : 'none',
      vendor: s.headers ? 'cloudflare' : null,
      unconfirmed: s.page !== null && s.headers === null,
      code: s.status,
    }),
  );

describe('tab events', () => {
  it('joins the page report with the main-frame headers of the same document, even after the page rewrote its URL', async () => {
    const classify = cdnLike('origin-error');
    const { events, store, told } = setup(classify);
    await events.onMainFrameHeaders(headers(7, 'https://shop.example/a', 522, 500));
    const report = aPageReport({ status: null, document: { startedAt: 400, shownAt: 900 } });
    await events.onPageReport(7, 'https://shop.example/a?__cf_chl_rt_tk=x', report);

    const last = classify.mock.calls.at(-1)?.[0];
    expect(last?.headers).toEqual([['server', 'cloudflare']]);
    expect(last?.status).toBe(522);
    expect(await store.getState(7)).toMatchObject({ kind: 'origin-error', host: 'shop.example', status: 522 });
    expect(told.map(([, s]) => [s.source, s.settledAt])).toEqual([
      ['headers', NOW + READING_WAIT_MS], // a failing response waits for its page's report
      ['page', NOW], // which settles it
    ]);
  });

  it('does not join headers from another origin (the tab navigated away)', async () => {
    const classify = vi.fn((_: PageSnapshot) => aDetection({}));
    const { events } = setup(classify);
    await events.onMainFrameHeaders(headers(1, 'https://a.example/', 200, 500));
    await events.onPageReport(1, 'https://b.example/', aPageReport({ status: 403 }));
    expect(classify.mock.calls.at(-1)?.[0]).toMatchObject({ headers: null, status: 403 });
  });

  it('records a DNS failure as a settled network-error and ignores an aborted load', async () => {
    const { events, store } = setup(() => aDetection({}));
    await events.onMainFrameError({
      tabId: 2,
      url: 'https://gone.example/',
      error: 'net::ERR_NAME_NOT_RESOLVED',
      timeStamp: 1,
    });
    expect(await store.getState(2)).toMatchObject({
      kind: 'network-error',
      networkError: { category: 'dns' },
      source: 'network-error',
      settledAt: NOW,
    });
    await events.onMainFrameError({ tabId: 3, url: 'https://x.example/', error: 'net::ERR_ABORTED', timeStamp: 1 });
    expect(await store.getState(3)).toBeNull();
  });

  it('caps a hostile header flood before storing it', async () => {
    const { events, store } = setup(() => aDetection({}));
    const flood = Array.from({ length: 5000 }, (_, i) => ({ name: `x-${i}`, value: 'v'.repeat(100_000) }));
    await events.onMainFrameHeaders({
      tabId: 4,
      url: 'https://a.example/',
      statusCode: 200,
      timeStamp: 1,
      responseHeaders: flood,
    });
    const response = await store.getResponse(4);
    expect(response?.headers).toHaveLength(64);
    expect(response?.headers[0]?.[1]).toHaveLength(512);
  });

  it('ignores events that belong to no tab (tabId -1: service workers, prefetch)', async () => {
    const { events, session } = setup(() => aDetection({}));
    await events.onMainFrameHeaders({ tabId: -1, url: 'https://a.example/', statusCode: 500, timeStamp: 1 });
    expect(session.data.size).toBe(0);
  });

  it('keeps per-tab order when events race', async () => {
    let n = 0;
    const { events, store } = setup(() => aDetection({ code: ++n }));
    await Promise.all([
      events.onMainFrameHeaders(headers(5, 'https://a.example/', 500, 500)),
      events.onPageReport(5, 'https://a.example/', aPageReport()),
    ]);
    expect((await store.getState(5))?.detection?.code).toBe(2);
  });

  it('forgets the previous document when a page comes back from the back/forward cache', async () => {
    const classify = (s: PageSnapshot) =>
      aDetection({ kind: s.status === 522 ? 'origin-error' : 'none', code: s.status });
    const { events, store, session, told } = setup(classify);
    await events.onMainFrameHeaders(headers(4, 'https://down.example/', 522, 500));
    expect(await store.getState(4)).toMatchObject({ kind: 'origin-error' });

    await events.onPageRestored(4, 'https://works.example/', 200, { startedAt: 9000, shownAt: 9000 });
    expect(await store.getState(4)).toMatchObject({ kind: 'none', host: 'works.example', status: 200, settledAt: NOW });
    expect(session.data.has(tabKeys.response(4).key)).toBe(false); // a later report from the restored page must not join the 522
    expect(told.at(-1)?.[1]).toMatchObject({ kind: 'none', url: 'https://works.example/', source: 'restored' });
  });
});

describe('readings only get finer', () => {
  const url = 'https://tickets.example/';
  const shown = { startedAt: 1000, shownAt: 1400 };

  it('late headers of the same document are joined into the page report, never put in its place (Firefox)', async () => {
    const { events, store, told } = setup(cdnLike('challenge-failed'));
    await events.onPageReport(1, url, aPageReport({ status: 403, document: shown }));
    expect(await store.getState(1)).toMatchObject({
      source: 'page',
      kind: 'challenge-failed',
      settledAt: NOW + READING_WAIT_MS,
    });
    expect((await store.getState(1))?.detection?.unconfirmed).toBe(true);

    await events.onMainFrameHeaders(headers(1, url, 403, 1200)); // sent at 1200, delivered after the report
    expect(await store.getState(1)).toMatchObject({
      source: 'page',
      kind: 'challenge-failed',
      status: 403,
      settledAt: NOW,
    });
    expect((await store.getState(1))?.detection).toMatchObject({ vendor: 'cloudflare', unconfirmed: false });
    expect(told).toHaveLength(2);
  });

  it("a page's re-report replaces its earlier report, and an earlier one arriving last is dropped", async () => {
    const { events, store, told } = setup(cdnLike('challenge'));
    await events.onMainFrameHeaders(headers(1, url, 403, 1200));
    await events.onPageReport(
      1,
      url,
      aPageReport({ document: shown, sequence: 2, markers: { ...aPageReport().markers, title: 'late' } }),
    );
    await events.onPageReport(1, url, aPageReport({ document: shown, sequence: 1 }));
    expect((await store.getPage(1))?.markers.title).toBe('late');
    expect(told).toHaveLength(2);
  });

  it('a new navigation replaces everything, even to the same URL', async () => {
    const { events, store } = setup(cdnLike('edge-error'));
    await events.onMainFrameHeaders(headers(1, url, 500, 1200));
    await events.onPageReport(1, url, aPageReport({ document: shown }));
    await events.onMainFrameHeaders(headers(1, url, 200, 5000)); // a reload after the page was read
    expect(await store.getState(1)).toMatchObject({ source: 'headers', kind: 'none', status: 200 });
    expect(await store.getPage(1)).toBeNull();
  });

  it("drops a report from the page the tab has left, and the left page's late headers", async () => {
    const { events, store } = setup(cdnLike('edge-error'));
    await events.onMainFrameHeaders(headers(1, 'https://next.example/', 200, 5000));
    await events.onPageReport(1, url, aPageReport({ document: shown }));
    await events.onMainFrameHeaders(headers(1, url, 500, 1200));
    expect(await store.getState(1)).toMatchObject({ url: 'https://next.example/', source: 'headers', kind: 'none' });
  });

  it("a network error stands until a later document: the error page's reload failing again, a report from before", async () => {
    const { events, store } = setup(cdnLike('none'));
    await events.onMainFrameError({ tabId: 1, url, error: 'net::ERR_CONNECTION_REFUSED', timeStamp: 1500 });
    await events.onPageReport(1, url, aPageReport({ status: null, document: shown }));
    expect(await store.getState(1)).toMatchObject({ kind: 'network-error', networkError: { category: 'refused' } });
    // Chromium's auto-reload of the error page failing again is a newer reading saying the same.
    await events.onMainFrameError({ tabId: 1, url, error: 'net::ERR_CONNECTION_REFUSED', timeStamp: 2500 });
    expect(await store.getState(1)).toMatchObject({ kind: 'network-error', document: { startedAt: 2500 } });
  });
});
