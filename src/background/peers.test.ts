/**
 * Peer reports in the background, against the real server app in process: off means nothing at all happens; on, the
 * diagnosis reads other people's reports and a corroborated failure is reported once per site per 10 minutes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aTabState, aVerdict, anEvidenceItem } from '../../tests/support/builders.ts';
import { type MemoryStorage, memoryStorage } from '../../tests/support/memory-storage.ts';
import {
  createTestApp,
  PGLITE_START_TIMEOUT,
  postJson,
  reportBody,
  type TestApp,
} from '../../tests/support/server-app.ts';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import { SourceSkipped } from '../core/diagnose/run-source.ts';
import type { Verdict } from '../core/diagnose/types.ts';
import { createPeerClient } from '../core/peer/client.ts';
import { hashHost } from '../core/peer/host-hash.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { keys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createDiagnoser } from './diagnosis.ts';
import { createPeers } from './peers.ts';
import { sha256 } from '../../tests/support/sha256.ts';

const ENDPOINT = 'https://peers.example.net/v1';
let storage: MemoryStorage;

let server: TestApp;
let requests: string[];
const serverFetch = async (url: string, init: RequestInit) => {
  requests.push(`${init.method ?? 'GET'} ${url}`);
  return server.app.request(url, init);
};
const failingFetch = async (url: string): Promise<Response> => {
  throw new Error(`no request may be made while peer reports are off (asked ${url})`);
};

function setup(settings: Partial<Settings>, fetch = serverFetch, isAllowed?: () => Promise<boolean>) {
  const now = () => server.clock.now;
  const client = createPeerClient({ fetch, sha256, timeout: (ms) => AbortSignal.timeout(ms) });
  const errors: unknown[] = [];
  const peers = createPeers({
    settings: async () => ({ ...DEFAULT_SETTINGS, peerEndpoints: [ENDPOINT], ...settings }),
    client,
    storage,
    now,
    randomBytes: (count) => crypto.getRandomValues(new Uint8Array(count)),
    onReportError: (error) => errors.push(error),
    ...(isAllowed && { isAllowed }),
  });
  return { peers, errors };
}

const state = (host: string, over: Partial<TabState> = {}) =>
  aTabState({ host, url: `https://${host}/cart?id=7`, ...over });
/** A site-origin verdict the stranger re-fetch confirmed. */
const verdict = (over: Partial<Verdict> = {}) =>
  aVerdict({ evidence: [anEvidenceItem('origin-probe', 'ev_origin_origin_error', { weight: 0.4 })], ...over });
const count15 = async (site: string) => {
  const body = (await (
    await server.app.request(`/v1/prefix/${(await hashHost(site, sha256)).slice(0, 4)}`)
  ).json()) as {
    data: { entries: Array<{ hostHash: string; count15: number }> };
  };
  const hash = await hashHost(site, sha256);
  return body.data.entries.find((e) => e.hostHash === hash)?.count15 ?? 0;
};

beforeAll(async () => {
  server = await createTestApp();
}, PGLITE_START_TIMEOUT);
afterAll(async () => {
  await server.sql.close();
});
beforeEach(() => {
  storage = memoryStorage();
  server.clock.now += 2 * 3_600_000;
  requests = [];
});

describe('peer reports off (the default)', () => {
  it('no request and nothing stored, for lookups and for verdicts', async () => {
    const { peers, errors } = setup({ peerReports: false }, failingFetch);
    await expect(peers.lookup('www.shop.co.kr', AbortSignal.timeout(1000))).rejects.toBeInstanceOf(SourceSkipped);
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    expect(errors).toEqual([]);
    expect(storage.areas.local.data.size).toBe(0);
    expect(storage.areas.session.data.size).toBe(0);
  });

  it('on in the settings but not granted by Firefox counts as off', async () => {
    const { peers } = setup({ peerReports: true }, failingFetch, async () => false);
    await expect(peers.lookup('www.shop.co.kr', AbortSignal.timeout(1000))).rejects.toThrow('peer reports are off');
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    expect(storage.areas.local.data.size).toBe(0);
    expect(storage.areas.session.data.size).toBe(0);
  });

  it('an empty server list counts as off', async () => {
    const { peers } = setup({ peerReports: true, peerEndpoints: [] }, failingFetch);
    await expect(peers.lookup('www.shop.co.kr', AbortSignal.timeout(1000))).rejects.toThrow('peer reports are off');
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    expect(storage.areas.local.data.size).toBe(0);
  });
});

describe('peer reports on', () => {
  it('reports a corroborated failure once per site per 10 minutes, with a stored daily id', async () => {
    const { peers, errors } = setup({ peerReports: true });
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    await peers.onVerdict(2, verdict(), state('m.shop.co.kr'), true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([`POST ${ENDPOINT}/reports`]);
    expect(await count15('shop.co.kr')).toBe(1);
    expect((await storage.read(keys.peerClientId))?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(await storage.read(keys.peerReported))).toEqual(['shop.co.kr']);

    server.clock.now += 10 * 60_000;
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    expect(requests).toHaveLength(2);
    // Same client id, so the server dedupes within its own 10 minutes; after them it counts again.
    expect(await count15('shop.co.kr')).toBe(2);
  });

  it('does not report reused verdicts, bot checks, blocks, unconfirmed pages, uncorroborated verdicts or intranet hosts', async () => {
    const { peers } = setup({ peerReports: true });
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), false);
    await peers.onVerdict(
      1,
      verdict({ culprit: 'blocked', rule: 'challenge' }),
      state('a.co.kr', { kind: 'challenge' }),
      true,
    );
    await peers.onVerdict(
      1,
      verdict({ culprit: 'blocked', rule: 'blocked' }),
      state('b.co.kr', { kind: 'blocked' }),
      true,
    );
    const spoof = state('c.co.kr', { detection: { ...state('c.co.kr').detection!, unconfirmed: true } });
    await peers.onVerdict(1, verdict(), spoof, true);
    await peers.onVerdict(1, verdict({ evidence: [] }), state('d.co.kr'), true);
    await peers.onVerdict(1, verdict(), state('printer.local'), true);
    expect(requests).toEqual([]);
  });

  it('a report that no server takes is dropped quietly and not retried within the interval', async () => {
    const { peers, errors } = setup({ peerReports: true }, async () => new Response('down', { status: 503 }));
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    expect(errors).toHaveLength(1);
  });

  it('turning it off forgets the daily id and the report times', async () => {
    const { peers } = setup({ peerReports: true });
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    await peers.forget();
    expect(storage.areas.local.data.size).toBe(0);
    expect(storage.areas.session.data.size).toBe(0);
  });

  it("the diagnosis reads other people's reports into its evidence, and reports the failure itself", async () => {
    const hash = await hashHost('shop.co.kr', sha256);
    for (let i = 0; i < 12; i += 1)
      await postJson(
        server.app,
        '/v1/reports',
        reportBody({ hostHash: hash, clientId: `someone-${String(i).padStart(3, '0')}`.padEnd(24, '0') }),
      );
    const { peers } = setup({ peerReports: true });
    const tab = state('www.shop.co.kr', {
      status: 500,
      kind: 'edge-error',
      detection: { ...state('x').detection!, kind: 'edge-error', code: 500 },
    });
    // Every probe fails the same way a dead site does: the stranger's re-fetch finds nothing (corroboration).
    const probes = async (url: string, init: RequestInit) =>
      url.startsWith(ENDPOINT) ? serverFetch(url, init) : Promise.reject(new TypeError('Failed to fetch'));
    const diagnoser = createDiagnoser({
      storage,
      fetch: probes,
      config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 3000 },
      vendorStatus: async () => ({ state: 'failed', reason: 'unreachable', ms: 1 }),
      now: () => server.clock.now,
      timeout: (ms) => AbortSignal.timeout(ms),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      getState: async () => tab,
      peers: peers.lookup,
      onVerdict: peers.onVerdict,
    });
    const result = await diagnoser.diagnose(1);
    expect(result?.sources.peers?.state).toBe('ok');
    expect(result?.evidence.find((e) => e.source === 'peers')?.observed).toEqual({
      key: 'ev_peersNoRatio',
      params: { count: 12 },
    });
    expect(requests.filter((r) => r.startsWith('GET'))).toEqual([`GET ${ENDPOINT}/prefix/${hash.slice(0, 4)}`]);
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([`POST ${ENDPOINT}/reports`]);
    expect(await count15('shop.co.kr')).toBe(13);
  });

  it('no server answering makes the source failed, not "no reports"', async () => {
    const { peers } = setup({ peerReports: true }, async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(peers.lookup('www.shop.co.kr', AbortSignal.timeout(3000))).rejects.toThrow(/Failed to fetch/);
  });
});

describe('"Report this problem" (the popup button)', () => {
  it('is absent while peer reports are off, and pressing it then sends nothing', async () => {
    const { peers } = setup({ peerReports: false }, failingFetch);
    expect(await peers.statusFor(state('www.shop.co.kr'), verdict())).toBeNull();
    expect(await peers.reportNow(state('www.shop.co.kr'), verdict())).toBe('off');
    expect(storage.areas.session.data.size).toBe(0);
  });

  it('reports a failure only the page shows (the person vouches for it), then says when', async () => {
    const { peers } = setup({ peerReports: true });
    const pageOnly = verdict({ evidence: [] });
    await peers.onVerdict(1, pageOnly, state('www.shop.co.kr'), true);
    expect(requests).toEqual([]); // not corroborated: no automatic report
    expect(await peers.statusFor(state('www.shop.co.kr'), pageOnly)).toEqual({ canReport: true, reportedAt: null });

    expect(await peers.reportNow(state('www.shop.co.kr'), pageOnly)).toBe('sent');
    expect(requests).toEqual([`POST ${ENDPOINT}/reports`]);
    expect(await count15('shop.co.kr')).toBe(1);
    expect(await peers.statusFor(state('m.shop.co.kr'), pageOnly)).toEqual({
      canReport: false,
      reportedAt: server.clock.now,
    });
    expect(await peers.reportNow(state('www.shop.co.kr'), pageOnly)).toBe('already-reported');
    expect(requests).toHaveLength(1);
  });

  it('after an automatic report there is nothing to press', async () => {
    const { peers } = setup({ peerReports: true });
    await peers.onVerdict(1, verdict(), state('www.shop.co.kr'), true);
    expect(await peers.statusFor(state('www.shop.co.kr'), verdict())).toEqual({
      canReport: false,
      reportedAt: server.clock.now,
    });
  });

  it('is not offered for a block, a bot check or before there is a verdict', async () => {
    const { peers } = setup({ peerReports: true });
    const blocked = state('a.co.kr', { kind: 'blocked' });
    expect(await peers.statusFor(blocked, verdict({ culprit: 'blocked', rule: 'blocked' }))).toEqual({
      canReport: false,
      reportedAt: null,
    });
    expect(await peers.reportNow(blocked, verdict({ culprit: 'blocked', rule: 'blocked' }))).toBe('not-reportable');
    expect(await peers.reportNow(state('b.co.kr'), null)).toBe('not-reportable');
    expect(requests).toEqual([]);
  });

  it('a press that no server takes says so and may be pressed again', async () => {
    let isDown = true;
    const { peers } = setup({ peerReports: true }, async (url, init) =>
      isDown ? new Response('down', { status: 503 }) : serverFetch(url, init),
    );
    expect(await peers.reportNow(state('www.shop.co.kr'), verdict())).toBe('failed');
    expect(await peers.statusFor(state('www.shop.co.kr'), verdict())).toEqual({ canReport: true, reportedAt: null });
    isDown = false;
    expect(await peers.reportNow(state('www.shop.co.kr'), verdict())).toBe('sent');
  });
});
