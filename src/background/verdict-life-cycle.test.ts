import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aPageReport, someFacts, somePageMarkers } from '../../tests/support/builders.ts';
import { backgroundWorld } from '../../tests/support/background-world.ts';
import type { Facts, PageFacts } from '../core/diagnose/types.ts';
import { badgeForVerdict } from '../shared/badge.ts';
import { tabKeys } from '../shared/storage/keys.ts';
import { LOAD_WAIT_MS } from './load-gate.ts';
import { READING_WAIT_MS } from './reading-merge.ts';

/** Each diagnosis' gathering waits here until the test finishes it, so the test decides the interleaving. */
const gathering = vi.hoisted(() => ({
  jobs: [] as Array<{ url: string; page: PageFacts; finish: (facts: Facts) => void }>,
}));
vi.mock('../core/diagnose/gather.ts', () => ({
  gatherFacts: (_deps: unknown, url: string, page: PageFacts) =>
    new Promise<Facts>((finish) => gathering.jobs.push({ url, page, finish })),
}));

/** Finishes the oldest diagnosis still gathering, with nothing learnt beyond the page. */
async function finishOldest(world: ReturnType<typeof backgroundWorld>) {
  const job = gathering.jobs.shift();
  if (!job) throw new Error('no diagnosis is gathering');
  job.finish(someFacts({ host: new URL(job.url).hostname, page: job.page }));
  await world.settle();
  return job;
}

const URL_500 = 'https://news.example/';
const cloudflare = [
  { name: 'server', value: 'cloudflare' },
  { name: 'cf-ray', value: '8a1b2c3d4e5f0500-FRA' },
];
/** What the content script reads from Cloudflare's branded 500 page: the Cloudflare box is the one marked. */
const branded500 = somePageMarkers({
  title: 'news.example | 500: Internal server error',
  errorSourceId: 'cf-cloudflare-status',
});

/** The main-frame response of a Cloudflare 522 in tab 3. */
const cloudflare522 = (world: ReturnType<typeof backgroundWorld>, timeStamp: number) =>
  world.events.onMainFrameHeaders({
    tabId: 3,
    url: 'https://shop.example/',
    statusCode: 522,
    timeStamp,
    responseHeaders: cloudflare,
  });

const normal200 = { tabId: 3, url: 'https://shop.example/next', statusCode: 200, responseHeaders: cloudflare };

beforeEach(() => {
  gathering.jobs.length = 0;
});

describe('the life cycle of a verdict', () => {
  it('headers-only verdict, then page report, then diagnosis re-entry: only the settled CDN verdict has effects', async () => {
    const world = backgroundWorld();
    const t0 = world.now();
    await world.events.onMainFrameHeaders({
      tabId: 1,
      url: URL_500,
      statusCode: 500,
      timeStamp: t0,
      responseHeaders: cloudflare,
    });
    await world.settle();
    expect(gathering.jobs.map((j) => j.page.kind)).toEqual(['origin-error']);
    await finishOldest(world); // the header-only verdict: the site, provisional
    expect((await world.diagnoser.getVerdict(1)).verdict?.culprit).toBe('site');
    expect(world.announced).toEqual([]);
    expect((await world.lastDrawn(1)).drawn?.verdict?.culprit).toBe('site'); // shown at once

    await world.advance(150);
    const report = aPageReport({
      markers: branded500,
      status: 500,
      document: { startedAt: t0 - 40, shownAt: t0 + 150 },
    });
    await world.events.onPageReport(1, URL_500, report);
    await world.settle();
    expect(gathering.jobs.map((j) => j.page.kind)).toEqual(['edge-error']);
    expect(world.announced).toEqual([]); // the site verdict is not about this reading
    // The diagnosis is asked again for the same reading while it runs (a re-report): it joins, it does not restart.
    await world.events.onPageReport(1, URL_500, { ...report, sequence: 1 });
    await world.settle();
    expect(gathering.jobs).toHaveLength(1);
    await finishOldest(world);

    expect(world.announced.map((a) => [a.verdict.culprit, a.verdict.rule])).toEqual([['cdn', 'cdn-edge-page']]);
    const { drawn, stored } = await world.lastDrawn(1);
    expect(badgeForVerdict(drawn!.state, drawn!.verdict).text).toBe('CDN');
    expect(stored.verdict?.culprit).toBe('cdn');
  });

  it('a provisional verdict the page report confirms is announced when the report comes, once', async () => {
    const world = backgroundWorld();
    const t0 = world.now();
    await world.events.onMainFrameHeaders({
      tabId: 2,
      url: 'https://shop.example/',
      statusCode: 522,
      timeStamp: t0,
      responseHeaders: cloudflare,
    });
    await world.settle();
    await finishOldest(world);
    expect(world.announced).toEqual([]);
    await world.events.onPageReport(
      2,
      'https://shop.example/',
      aPageReport({ document: { startedAt: t0 - 40, shownAt: t0 + 90 } }),
    );
    await world.events.onPageReport(
      2,
      'https://shop.example/',
      aPageReport({ sequence: 1, document: { startedAt: t0 - 40, shownAt: t0 + 90 } }),
    );
    await world.advance(READING_WAIT_MS);
    expect(gathering.jobs).toEqual([]); // the same reading: the stored verdict stands
    expect(world.announced.map((a) => a.verdict.rule)).toEqual(['site-origin']);
    expect(await world.storage.read(tabKeys.announced(2))).toMatchObject({
      decidedAt: world.announced[0]!.verdict.decidedAt,
    });
  });

  it('a failing response is stored, drawn and diagnosed once its page has loaded, then settled', async () => {
    const world = backgroundWorld();
    const t0 = world.now();
    world.loads.onResponse(3, t0);
    void cloudflare522(world, t0);
    await world.settle();
    expect(await world.store.getState(3)).toBeNull(); // nothing asked of the browser while the page loads
    expect(world.drawn).toEqual([]);
    expect(gathering.jobs).toEqual([]);
    world.loads.onDone(3, t0 + 120);
    await world.settle();
    expect((await world.lastDrawn(3)).drawn?.state?.kind).toBe('origin-error');
    expect(gathering.jobs.map((j) => j.page.kind)).toEqual(['origin-error']);
    await finishOldest(world);
    await world.advance(READING_WAIT_MS);
    expect(world.announced.map((a) => a.verdict.rule)).toEqual(['site-origin']);
  });

  it('a page whose load hangs is read after the bounded load wait', async () => {
    const world = backgroundWorld();
    world.loads.onResponse(3, world.now());
    void cloudflare522(world, world.now());
    await world.advance(LOAD_WAIT_MS - 1);
    expect(world.drawn).toEqual([]);
    expect(gathering.jobs).toEqual([]);
    await world.advance(1);
    expect((await world.lastDrawn(3)).drawn?.state?.kind).toBe('origin-error');
    expect(gathering.jobs).toHaveLength(1);
  });

  it('a Firefox header event that comes after the page has loaded is read at once', async () => {
    const world = backgroundWorld();
    const t0 = world.now();
    world.loads.onResponse(3, t0);
    world.loads.onDone(3, t0 + 150);
    world.loads.onResponse(3, t0); // the same response's event, delivered late
    await cloudflare522(world, t0);
    await world.settle();
    expect((await world.lastDrawn(3)).drawn?.state?.kind).toBe('origin-error');
    expect(gathering.jobs).toHaveLength(1);
  });

  it('a normal page is stored but not drawn: the browser cleared its badge at the commit', async () => {
    const world = backgroundWorld();
    await world.events.onMainFrameHeaders({ ...normal200, timeStamp: world.now() });
    await world.settle();
    expect((await world.store.getState(3))?.kind).toBe('none');
    expect(world.drawn).toEqual([]);
  });

  it("a normal page after a failed one in the same tab is drawn, so the failure's badge goes", async () => {
    const world = backgroundWorld();
    await cloudflare522(world, world.now());
    await world.advance(10);
    await world.events.onMainFrameHeaders({ ...normal200, timeStamp: world.now() });
    await world.settle();
    expect((await world.lastDrawn(3)).drawn?.state?.kind).toBe('none');
  });

  it('a failing response whose page never reports is settled after the bounded wait', async () => {
    const world = backgroundWorld();
    await cloudflare522(world, world.now());
    await world.settle();
    await finishOldest(world);
    await world.advance(READING_WAIT_MS - 1);
    expect(world.announced).toEqual([]);
    await world.advance(1);
    expect(world.announced.map((a) => a.verdict.rule)).toEqual(['site-origin']);
  });

  it('a network error has no page to wait for: its verdict is announced as soon as it is decided', async () => {
    const world = backgroundWorld();
    await world.events.onMainFrameError({
      tabId: 4,
      url: 'https://gone.example/',
      error: 'net::ERR_CONNECTION_REFUSED',
      timeStamp: world.now(),
    });
    await world.settle();
    await finishOldest(world);
    expect(world.announced.map((a) => a.verdict.culprit)).toEqual(['unknown']);
  });

  it('Check again announces the new verdict; a worker restart announces what the old one did not get to', async () => {
    const world = backgroundWorld();
    await world.events.onMainFrameError({
      tabId: 5,
      url: 'https://gone.example/',
      error: 'net::ERR_CONNECTION_REFUSED',
      timeStamp: world.now(),
    });
    await world.settle();
    await finishOldest(world);
    await world.advance(5);
    const again = world.diagnoser.diagnose(5, { force: true });
    await world.settle();
    await finishOldest(world);
    await again;
    expect(world.announced).toHaveLength(2);

    await world.storage.remove(tabKeys.announced(5)); // as if the worker died before announcing
    await world.lifeCycle.resume();
    await world.settle();
    expect(world.announced).toHaveLength(3);
    expect(world.announced.every((a) => a.stored.verdict?.decidedAt === a.verdict.decidedAt)).toBe(true);
  });

  it('a worker restart during the wait settles the reading when the wait ends', async () => {
    const world = backgroundWorld();
    await world.events.onMainFrameHeaders({
      tabId: 6,
      url: 'https://shop.example/',
      statusCode: 522,
      timeStamp: world.now(),
      responseHeaders: cloudflare,
    });
    await world.settle();
    await finishOldest(world);
    const state = await world.store.getState(6);
    expect(state?.settledAt).toBe(world.now() + READING_WAIT_MS);
    await world.lifeCycle.resume(); // a fresh worker schedules the wait again
    await world.advance(READING_WAIT_MS);
    expect(world.announced).toHaveLength(1); // one announcement, though two timers were counting
  });
});
