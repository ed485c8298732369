/**
 * Random interleavings of everything that reaches the background about one tab: webRequest headers (on time, or
 * delivered after the page's report as Firefox sometimes does), network errors, page reports and re-reports,
 * back/forward-cache restores, diagnoses finishing in any order, Check again, the tab finishing loading, and time
 * passing. Whatever the order, the badge drawn last is what the stored state and verdict imply, no verdict is
 * announced (notification, history, peer report) before its reading is settled, none twice, and once everything has
 * arrived the tab reads as its last document's page says and its verdict has been announced.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { backgroundWorld } from '../../tests/support/background-world.ts';
import { someFacts, somePageMarkers } from '../../tests/support/builders.ts';
import { classify } from '../core/detect/index.ts';
import type { PageMarkers } from '../core/detect/types.ts';
import type { Facts, PageFacts } from '../core/diagnose/types.ts';
import { badgeForVerdict } from '../shared/badge.ts';
import { isSettled } from '../shared/tab-state.ts';
import { subjectOf } from './diagnosis.ts';

const gathering = vi.hoisted(() => ({
  jobs: [] as Array<{ url: string; page: PageFacts; finish: (facts: Facts) => void }>,
}));
vi.mock('../core/diagnose/gather.ts', () => ({
  gatherFacts: (_deps: unknown, url: string, page: PageFacts) =>
    new Promise<Facts>((finish) => gathering.jobs.push({ url, page, finish })),
}));

type PageKind = 'cf-500' | 'cf-522' | 'unblock-challenge' | 'works' | 'refused';
interface Site {
  status: number;
  headers: Array<{ name: string; value: string }>;
  /** What the content script reads, or null when it does not report (a normal page). */
  markers: PageMarkers | null;
}
const cloudflare = [
  { name: 'server', value: 'cloudflare' },
  { name: 'cf-ray', value: '8a1b2c3d4e5f0500-FRA' },
];
const SITES: Record<Exclude<PageKind, 'refused'>, Site> = {
  'cf-500': {
    status: 500,
    headers: cloudflare,
    markers: somePageMarkers({ title: 'x | 500: Internal server error', errorSourceId: 'cf-cloudflare-status' }),
  },
  'cf-522': { status: 522, headers: cloudflare, markers: somePageMarkers() },
  'unblock-challenge': {
    status: 403,
    headers: [...cloudflare, { name: 'cf-mitigated', value: 'challenge' }],
    markers: somePageMarkers({
      title: 'Just a moment...',
      text: 'Please unblock challenges.cloudflare.com to proceed.',
      ids: ['challenge-running', 'challenge-error-text'],
      inlineScript: "window._cf_chl_opt={cType: 'managed'}",
      errorSourceId: null,
    }),
  },
  works: { status: 200, headers: [{ name: 'server', value: 'nginx' }], markers: null },
};

type Action =
  | { t: 'navigate'; kind: PageKind; late: boolean }
  | { t: 'report' }
  | { t: 'deliver-late' }
  | { t: 'restore' }
  | { t: 'finish-diagnosis'; pick: number }
  | { t: 'check-again' }
  | { t: 'loaded' }
  | { t: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    t: fc.constant('navigate' as const),
    kind: fc.constantFrom<PageKind>('cf-500', 'cf-522', 'unblock-challenge', 'works', 'refused'),
    late: fc.boolean(),
  }),
  fc.constant({ t: 'report' as const }),
  fc.constant({ t: 'deliver-late' as const }),
  fc.constant({ t: 'restore' as const }),
  fc.record({ t: fc.constant('finish-diagnosis' as const), pick: fc.nat(3) }),
  fc.constant({ t: 'check-again' as const }),
  fc.constant({ t: 'loaded' as const }),
  fc.record({ t: fc.constant('wait' as const), ms: fc.constantFrom(1, 30, 400, 2500) }),
);

interface Navigation {
  url: string;
  kind: PageKind;
  startedAt: number;
  /** The showing's document as the content script reports it, once it has read the page. */
  shown: { startedAt: number; shownAt: number; cached?: true } | null;
  sequence: number;
  /** Its page has reported (a normal page never does). */
  reported: boolean;
}

const TAB = 1;

async function play(actions: Action[]) {
  gathering.jobs.length = 0;
  const world = backgroundWorld();
  const navigations: Navigation[] = [];
  const late: Array<Parameters<typeof world.events.onMainFrameHeaders>[0]> = [];
  let current: Navigation | null = null;

  async function report(nav: Navigation) {
    const site = nav.kind === 'refused' ? null : SITES[nav.kind];
    if (!site?.markers) return;
    nav.shown ??= { startedAt: nav.startedAt, shownAt: world.now() };
    nav.reported = true;
    const status = site.status;
    await world.events.onPageReport(TAB, nav.url, {
      markers: site.markers,
      status,
      sequence: nav.sequence++,
      document: nav.shown,
    });
  }

  async function run(step: Action) {
    switch (step.t) {
      case 'navigate': {
        const nav: Navigation = {
          url: `https://site-${navigations.length}.test/`,
          kind: step.kind,
          startedAt: world.now(),
          shown: null,
          sequence: 0,
          reported: false,
        };
        navigations.push(nav);
        current = nav;
        await world.advance(1);
        const timeStamp = world.now();
        if (step.kind === 'refused') {
          await world.events.onMainFrameError({
            tabId: TAB,
            url: nav.url,
            error: 'net::ERR_CONNECTION_REFUSED',
            timeStamp,
          });
        } else {
          const { status, headers } = SITES[step.kind];
          const details = { tabId: TAB, url: nav.url, statusCode: status, timeStamp, responseHeaders: headers };
          if (step.late) late.push(details);
          else await world.events.onMainFrameHeaders(details);
        }
        return world.advance(1);
      }
      case 'report':
        return current && report(current);
      case 'deliver-late':
        for (const details of late.splice(0)) await world.events.onMainFrameHeaders(details);
        return;
      case 'restore': {
        const earlier = navigations.filter((n) => n !== current && n.kind !== 'refused').at(-1);
        if (!earlier) return;
        await world.advance(1);
        const restored: Navigation = {
          ...earlier,
          shown: { startedAt: world.now(), shownAt: world.now(), cached: true },
          sequence: 0,
          reported: false,
        };
        current = restored;
        const status = SITES[earlier.kind as Exclude<PageKind, 'refused'>].status;
        await world.events.onPageRestored(TAB, earlier.url, status, restored.shown!);
        return;
      }
      case 'finish-diagnosis': {
        const [job] = gathering.jobs.splice(step.pick % Math.max(1, gathering.jobs.length), 1);
        job?.finish(someFacts({ host: new URL(job.url).hostname, page: job.page }));
        return;
      }
      case 'check-again':
        void world.diagnoser.diagnose(TAB, { force: true });
        return;
      case 'loaded':
        return world.loaded(TAB);
      case 'wait':
        return world.advance(step.ms);
    }
  }

  async function checkBadge() {
    const { drawn, stored } = await world.lastDrawn(TAB);
    if (!drawn) return;
    expect(badgeForVerdict(drawn.state, drawn.verdict)).toEqual(badgeForVerdict(stored.state, stored.verdict));
    expect(drawn.verdict?.decidedAt ?? null).toBe(stored.verdict?.decidedAt ?? null);
  }

  for (const step of actions) {
    await run(step);
    await world.settle();
    await checkBadge();
  }
  // Everything still on its way arrives (late headers after the page's report, as Firefox delivers them), every
  // diagnosis ends, every wait runs out.
  if (current) await report(current);
  await run({ t: 'deliver-late' });
  for (let i = 0; gathering.jobs.length > 0 && i < 20; i++) {
    await run({ t: 'finish-diagnosis', pick: 0 });
    await world.settle();
  }
  await world.advance(5000);
  await checkBadge();
  return { world, current: current as Navigation | null };
}

describe('any interleaving of what reaches the background about a tab', () => {
  it('the page kinds used here read as the tests mean them', () => {
    const read = (kind: Exclude<PageKind, 'refused'>, withHeaders: boolean) => {
      const site = SITES[kind];
      const headers = withHeaders ? site.headers.map((h) => [h.name, h.value] as const) : null;
      return classify({ url: 'https://x.test/', status: site.status, headers, page: site.markers }).kind;
    };
    expect([read('cf-500', true), read('unblock-challenge', true), read('works', true)]).toEqual([
      'edge-error',
      'challenge-failed',
      'none',
    ]);
    expect(
      classify({ url: 'https://x.test/', status: 500, headers: [['server', 'cloudflare']], page: null }).kind,
    ).toBe('origin-error');
  });

  it('draws what is stored, announces only settled verdicts, once, and ends on the last page and its verdict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const { world, current } = await play(actions);
        const keys = world.announced.map((a) => `${subjectOf(a.state)}@${a.verdict.decidedAt}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const a of world.announced) {
          expect(isSettled(a.state, a.at)).toBe(true);
          expect(a.stored.verdict?.decidedAt).toBe(a.verdict.decidedAt);
          expect(a.stored.state && subjectOf(a.stored.state)).toBe(subjectOf(a.state));
        }
        const { stored } = await world.lastDrawn(TAB);
        if (!current) return;
        // Readings only got finer: the tab reads as its last document, from the page itself when it reported.
        expect(stored.state?.url).toBe(current.url);
        if (current.reported) expect(stored.state?.source).toBe('page');
        if (stored.verdict) expect(world.announced.at(-1)?.verdict.decidedAt).toBe(stored.verdict.decidedAt);
      }),
      { numRuns: 300 },
    );
  });
});
