import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import { aDetection, aTabState } from '../../tests/support/builders.ts';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import { keys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';
import { createDiagnoser } from './diagnosis.ts';

const NOW = Date.UTC(2025, 10, 18, 11, 25);

/** Cloudflare's branded 500 on `host`, answered with `status` (an attacker may answer 200 with the same page). */
const edge500 = (tabId: number, host: string, status: number | null = 500): TabState =>
  aTabState({
    tabId,
    host,
    status,
    kind: 'edge-error',
    detection: aDetection({ vendor: 'cloudflare', kind: 'edge-error', code: 500, colo: 'ICN' }),
  });

const origin522 = (tabId: number, host: string): TabState => aTabState({ tabId, host });

/** The re-fetch answers 200 for the hosts in `fine`, and a Cloudflare 5xx for every other. */
function setup(
  states: TabState[],
  fine: readonly string[] = [],
  chainRoot?: (tabId: number) => Promise<string | null>,
) {
  const storage = memoryStorage();
  const byTab = new Map(states.map((s) => [s.tabId, s]));
  const fetch = async (url: string) =>
    fine.includes(new URL(url).hostname)
      ? new Response('ok', { status: 200 })
      : new Response('', { status: 522, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-ICN' } });
  const diagnoser = createDiagnoser({
    storage,
    fetch,
    vendorStatus: async () => ({ state: 'failed', reason: 'connection refused', ms: 1 }),
    config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 100 },
    now: () => NOW,
    timeout: (ms) => AbortSignal.timeout(ms),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    getState: async (tabId) => byTab.get(tabId) ?? null,
    ...(chainRoot && { chainRoot }),
  });
  const logged = async () => (await storage.read(keys.failures)).map((r) => r.site);
  return { diagnoser, logged };
}

describe('diagnoser: what local correlation counts', () => {
  it('three *.pages.dev sites answering 200 with a Cloudflare 500 page neither correlate nor enter the log', async () => {
    const hosts = ['a.pages.dev', 'b.pages.dev', 'c.pages.dev'];
    const { diagnoser, logged } = setup(
      hosts.map((h, i) => edge500(i + 1, h, 200)),
      hosts,
    );
    for (const tabId of [1, 2, 3]) {
      const verdict = await diagnoser.diagnose(tabId);
      expect(verdict?.rule).not.toBe('cdn-correlated');
      expect(verdict?.sources.correlation).toMatchObject({ state: 'skipped' });
    }
    expect(await logged()).toEqual([]);
  });

  it('a page with an unknown status is not counted either', async () => {
    const { diagnoser, logged } = setup([edge500(1, 'news.com', null)]);
    expect((await diagnoser.diagnose(1))?.sources.correlation).toMatchObject({ state: 'skipped' });
    expect(await logged()).toEqual([]);
  });

  it('logs a failure only when the re-fetch fails too; a genuine 522 afterwards is the site', async () => {
    const forged = ['evil-one.com', 'evil-two.net', 'evil-three.org'];
    const { diagnoser, logged } = setup(
      [...forged.map((h, i) => edge500(i + 1, h)), origin522(4, 'www.shop.co.kr')],
      forged,
    );
    for (const tabId of [1, 2, 3]) await diagnoser.diagnose(tabId);
    expect(await logged()).toEqual([]);
    const genuine = await diagnoser.diagnose(4);
    expect(genuine).toMatchObject({ culprit: 'site', rule: 'site-origin' });
    expect(await logged()).toEqual(['shop.co.kr']);
  });

  it('hosts under one private suffix, or IP literals, are one site or none', async () => {
    const states = [
      edge500(1, 'a.pages.dev'),
      edge500(2, 'b.pages.dev'),
      edge500(3, '203.0.113.7'),
      edge500(4, '[2001:db8::7]'),
      edge500(5, 'printer.local'),
      origin522(6, 'shop.com'),
    ];
    const { diagnoser, logged } = setup(states);
    for (const tabId of [1, 2, 3, 4, 5]) await diagnoser.diagnose(tabId);
    expect(await logged()).toEqual(['pages.dev']);
    expect(await diagnoser.diagnose(6)).toMatchObject({ rule: 'site-origin' });
  });

  it('three unrelated sites whose re-fetches fail too are a CDN-wide failure', async () => {
    const { diagnoser, logged } = setup([edge500(1, 'chatgpt.com'), edge500(2, 'x.com'), origin522(3, 'shop.co.kr')]);
    await diagnoser.diagnose(1);
    await diagnoser.diagnose(2);
    expect(await diagnoser.diagnose(3)).toMatchObject({ culprit: 'cdn', rule: 'cdn-correlated' });
    expect(await logged()).toEqual(['chatgpt.com', 'x.com', 'shop.co.kr']);
  });

  it('failures in one navigation chain count once with the page that started it', async () => {
    const roots = new Map([
      [2, 'one.com'],
      [3, 'one.com'],
    ]);
    const { diagnoser } = setup(
      [edge500(1, 'one.com'), edge500(2, 'two.com'), edge500(3, 'three.com')],
      [],
      async (tabId) => roots.get(tabId) ?? null,
    );
    await diagnoser.diagnose(1);
    await diagnoser.diagnose(2);
    expect(await diagnoser.diagnose(3)).toMatchObject({ rule: 'cdn-edge-page' });
  });

  it('tabs finishing together each keep their failure in the log', async () => {
    const hosts = ['a.com', 'b.com', 'c.com', 'd.com'];
    const { diagnoser, logged } = setup(hosts.map((h, i) => edge500(i + 1, h)));
    await Promise.all([1, 2, 3, 4].map((tabId) => diagnoser.diagnose(tabId)));
    expect((await logged()).sort()).toEqual(hosts);
  });
});
