import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTabState, aVerdict, anEvidenceItem } from '../../tests/support/builders.ts';
import { type MemoryStorage, memoryStorage } from '../../tests/support/memory-storage.ts';
import type { Verdict } from '../core/diagnose/types.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { keys, tabKeys } from '../shared/storage/keys.ts';
import type { TabState } from '../shared/tab-state.ts';

// Real English strings, so the assertions read what a person would see.
vi.mock('../shared/browser.ts', () => {
  const en = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  return {
    browser: {
      i18n: { getMessage: (key: string) => en[key]?.message ?? '', getUILanguage: () => 'en' },
      runtime: { getURL: (p: string) => `chrome-extension://ext/${p}` },
    },
  };
});

const { createNotifier } = await import('./notifications.ts');
const { parseNotificationId } = await import('./notification-ids.ts');
const { createNotificationClicks } = await import('./notification-clicks.ts');

const NOW = Date.UTC(2025, 10, 18, 11, 30);
const state = (tabId: number, host: string, over: Partial<TabState> = {}) =>
  aTabState({ tabId, host, updatedAt: NOW, ...over });
/** The site-origin verdict on `host`, with the parameters the notification text fills in. */
const verdict = (host: string, over: Partial<Verdict> = {}) =>
  aVerdict({
    headline: { key: 'verdict_siteOrigin', params: { host, vendor: 'cloudflare' } },
    explanation: { key: 'explain_siteOrigin', params: { host, vendor: 'cloudflare' } },
    evidence: [anEvidenceItem('origin-probe', 'ev_origin_origin_error', { weight: 0.4, at: NOW })],
    decidedAt: NOW,
    ...over,
  });

function setup({ active = true, settings = {} as Partial<Settings>, withButtons = true, now = () => NOW } = {}) {
  const current = vi.fn(async (_tabId: number) => ({
    verdict: null as Verdict | null,
    state: null as TabState | null,
  }));
  const notifier = createNotifier({
    storage,
    notifications: fakeBrowser.notifications,
    isTabActive: async () => active,
    current,
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    applyLanguage: async () => 'en',
    iconUrl: 'chrome-extension://ext/icons/icon-128.png',
    withButtons,
    now,
  });
  return { notifier, current };
}
const shown = () => fakeBrowser.notifications.getAllCreateOptions();
/** Outlives each notifier, as storage outlives the worker. */
let storage: MemoryStorage;

beforeEach(() => {
  fakeBrowser.reset();
  storage = memoryStorage();
});

describe('notifier', () => {
  it('a corroborated site failure in the tab being looked at: one notification with the verdict in words and a watch button', async () => {
    await setup().notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
    expect(shown()).toEqual({
      'culprit:tab:7': {
        type: 'basic',
        iconUrl: 'chrome-extension://ext/icons/icon-128.png',
        title: 'shop.example itself is down',
        message: expect.stringContaining("Cloudflare reached out to the site's own server"),
        buttons: [{ title: "Tell me when it's back" }],
      },
    });
    expect(await storage.read(keys.notificationsSent)).toEqual({
      sent: { 'site:shop.example': NOW },
      cap: { shown: [NOW], summaryAt: null },
    });
  });

  it('Firefox: never passes buttons', async () => {
    await setup({ withButtons: false }).notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
    expect(shown()['culprit:tab:7']).not.toHaveProperty('buttons');
  });

  it('dedupe survives the worker: a new notifier over the same storage stays quiet for 30 min, then speaks again', async () => {
    await setup().notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
    await fakeBrowser.notifications.clear('culprit:tab:7');
    await setup({ now: () => NOW + 29 * 60_000 }).notifier.onVerdict(
      8,
      verdict('shop.example'),
      state(8, 'shop.example'),
    );
    expect(shown()).toEqual({});
    await setup({ now: () => NOW + 30 * 60_000 }).notifier.onVerdict(
      8,
      verdict('shop.example'),
      state(8, 'shop.example'),
    );
    expect(Object.keys(shown())).toEqual(['culprit:tab:8']);
  });

  it('a tab opened in the background stays quiet until the person looks at it', async () => {
    const { notifier, current } = setup({ active: false });
    const v = verdict('shop.example');
    await notifier.onVerdict(7, v, state(7, 'shop.example'));
    expect(shown()).toEqual({});
    current.mockResolvedValue({ verdict: v, state: state(7, 'shop.example') });
    await notifier.onActivated(7);
    expect(Object.keys(shown())).toEqual(['culprit:tab:7']);
    await fakeBrowser.notifications.clear('culprit:tab:7');
    await notifier.onActivated(7); // held notification is gone once sent
    expect(shown()).toEqual({});
  });

  it('a held notification is dropped when the tab moved on before it was looked at', async () => {
    const { notifier, current } = setup({ active: false });
    await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
    current.mockResolvedValue({
      verdict: null,
      state: state(7, 'shop.example', { kind: 'none', detection: null, status: 200 }),
    });
    await notifier.onActivated(7);
    expect(shown()).toEqual({});
  });

  it('a tab activated once counts as seen for later verdicts, even when it is in the background by then', async () => {
    const { notifier } = setup({ active: false });
    await notifier.onActivated(7);
    await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
    expect(Object.keys(shown())).toEqual(['culprit:tab:7']);
  });

  it.each<[Settings['notifications'], string[]]>([
    ['off', []],
    ['cdn-wide', ['culprit:tab:2']],
    ['errors', ['culprit:tab:1', 'culprit:tab:2']],
  ])('setting %s', async (mode, expected) => {
    const { notifier } = setup({ settings: { notifications: mode } });
    await notifier.onVerdict(1, verdict('shop.example'), state(1, 'shop.example'));
    const wide = verdict('x.com', {
      culprit: 'cdn',
      rule: 'cdn-correlated',
      confidence: 0.85,
      headline: { key: 'verdict_cdnCorrelated', params: { vendor: 'cloudflare' } },
      evidence: [anEvidenceItem('origin-probe', 'ev_origin_cdn_error', { weight: 0.4, at: NOW })],
    });
    await notifier.onVerdict(2, wide, state(2, 'x.com'));
    expect(Object.keys(shown()).sort()).toEqual(expected);
    if (expected.includes('culprit:tab:2'))
      expect(shown()['culprit:tab:2']?.title).toBe('Cloudflare is failing for many sites at once');
  });

  it('an unconfirmed page never notifies, whatever the verdict says', async () => {
    const page = state(7, 'shop.example');
    await setup().notifier.onVerdict(7, verdict('shop.example'), {
      ...page,
      detection: { ...page.detection!, unconfirmed: true },
    });
    expect(shown()).toEqual({});
  });

  describe("keeps a tab's notification true when a later settled verdict replaces the one that put it up", () => {
    const cdnWide = verdict('shop.example', {
      culprit: 'cdn',
      rule: 'cdn-correlated',
      confidence: 0.85,
      headline: { key: 'verdict_cdnCorrelated', params: { vendor: 'cloudflare' } },
      evidence: [anEvidenceItem('origin-probe', 'ev_origin_cdn_error', { weight: 0.4, at: NOW })],
    });

    it('replaced when the new verdict earns one of its own', async () => {
      const { notifier } = setup();
      await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
      await notifier.onVerdict(7, cdnWide, state(7, 'shop.example'));
      expect(shown()['culprit:tab:7']?.title).toBe('Cloudflare is failing for many sites at once');
      expect(await storage.read(tabKeys.notification(7))).toMatchObject({ headline: cdnWide.headline });
    });

    it('updated when it says other words about the same host, which its own dedupe entry does not hold back', async () => {
      const { notifier } = setup();
      await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
      const config = verdict('shop.example', {
        rule: 'site-config',
        headline: { key: 'verdict_siteConfig', params: { host: 'shop.example' } },
      });
      await notifier.onVerdict(7, config, state(7, 'shop.example'));
      expect(shown()['culprit:tab:7']?.title).toBe('shop.example is misconfigured');
    });

    it('cleared when the new verdict would not notify', async () => {
      const { notifier } = setup();
      await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
      await notifier.onVerdict(
        7,
        verdict('shop.example', {
          culprit: 'unknown',
          rule: 'unconfirmed',
          headline: { key: 'verdict_unconfirmed', params: {} },
        }),
        state(7, 'shop.example'),
      );
      expect(shown()).toEqual({});
      expect(await storage.read(tabKeys.notification(7))).toBeNull();
    });

    it('left alone when the new verdict says the same (Check again)', async () => {
      const { notifier } = setup();
      const create = vi.spyOn(fakeBrowser.notifications, 'create');
      await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
      await notifier.onVerdict(7, verdict('shop.example', { decidedAt: NOW + 5000 }), state(7, 'shop.example'));
      expect(create).toHaveBeenCalledTimes(1);
      expect(Object.keys(shown())).toEqual(['culprit:tab:7']);
    });

    it('withdrawn when the tab shows that host working, and only that host', async () => {
      const { notifier } = setup();
      await notifier.onVerdict(7, verdict('shop.example'), state(7, 'shop.example'));
      await notifier.withdraw(7, 'other.example');
      expect(Object.keys(shown())).toEqual(['culprit:tab:7']);
      await notifier.withdraw(7, 'shop.example');
      expect(shown()).toEqual({});
    });
  });

  describe('cannot be turned against the person', () => {
    const LURE = '0-your-account-is-locked-call-0800-555-0199.evil.example';

    it('the title names the registrable domain, never the subdomain a site chose', async () => {
      await setup().notifier.onVerdict(7, verdict(LURE), state(7, LURE));
      expect(shown()['culprit:tab:7']).toMatchObject({ title: 'evil.example itself is down' });
      expect(JSON.stringify(shown())).not.toContain('0800');
    });

    it('thirty subdomains of one site failing in thirty tabs: one notification', async () => {
      const { notifier } = setup();
      for (let i = 0; i < 30; i++) {
        const host = `${'x'.repeat(i % 5)}login-${i}.evil.example`;
        await notifier.onVerdict(i + 1, verdict(host), state(i + 1, host));
      }
      expect(Object.values(shown()).map((n) => n.title)).toEqual(['evil.example itself is down']);
    });

    it('failures of many sites at once: three notifications, one summary that opens the history, then silence', async () => {
      const { notifier } = setup();
      // Settled together, as when a session restores many tabs: the cap must hold however they interleave.
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          notifier.onVerdict(i + 1, verdict(`site${i}.example`), state(i + 1, `site${i}.example`)),
        ),
      );
      const notes = shown();
      expect(Object.keys(notes).filter((id) => id.startsWith('culprit:tab:'))).toHaveLength(3);
      expect(notes['culprit:summary']).toEqual({
        type: 'basic',
        iconUrl: 'chrome-extension://ext/icons/icon-128.png',
        title: '4 sites failed in the last 10 minutes',
        message: expect.stringContaining('history'),
      });
      expect(Object.keys(notes)).toHaveLength(4);
      expect(parseNotificationId('culprit:summary')).toEqual({ kind: 'history' });
    });

    it('the cap outlives the worker, and frees up once the window has passed', async () => {
      for (let i = 0; i < 4; i++)
        await setup().notifier.onVerdict(i + 1, verdict(`s${i}.example`), state(i + 1, `s${i}.example`));
      await fakeBrowser.notifications.clear('culprit:summary');
      await setup({ now: () => NOW + 9 * 60_000 }).notifier.onVerdict(
        9,
        verdict('late.example'),
        state(9, 'late.example'),
      );
      expect(shown()).not.toHaveProperty('culprit:tab:9');
      expect(shown()).not.toHaveProperty('culprit:summary');
      await setup({ now: () => NOW + 10 * 60_000 }).notifier.onVerdict(
        9,
        verdict('late.example'),
        state(9, 'late.example'),
      );
      expect(shown()).toHaveProperty('culprit:tab:9');
    });

    it('"back" names the site too, not the subdomain it chose', async () => {
      await setup().notifier.notifyBack({
        host: LURE,
        url: `https://${LURE}/`,
        tabId: 7,
        startedAt: NOW,
        attempts: 3,
        nextAt: NOW,
      });
      expect(Object.values(shown()).map((n) => [n.title, n.message.includes('0800')])).toEqual([
        ['evil.example is back', false],
      ]);
    });

    it('reads the dedupe map stored before the cap existed', async () => {
      storage.areas.local.data.set('notify:sent', { 'site:shop.example': NOW - 60_000 });
      await setup().notifier.onVerdict(7, verdict('www.shop.example'), state(7, 'www.shop.example'));
      expect(shown()).toEqual({});
      expect(storage.invalid).toEqual([]);
    });
  });

  it('"back" goes out even with automatic notifications off: the person asked for it', async () => {
    await setup({ settings: { notifications: 'off' } }).notifier.notifyBack({
      host: 'shop.example',
      url: 'https://shop.example/cart',
      tabId: 7,
      startedAt: NOW,
      attempts: 3,
      nextAt: NOW,
    });
    expect(shown()).toEqual({
      'culprit:back:7:https%3A%2F%2Fshop.example%2Fcart': expect.objectContaining({
        title: 'shop.example is back',
        message: expect.stringContaining('shop.example answers normally again'),
      }),
    });
  });
});

describe('notification clicks', () => {
  function clicks() {
    const deps = {
      tabs: {
        get: vi.fn(async (_id: number) => ({ windowId: 3 })),
        create: vi.fn(async (_p: { url: string }) => ({})),
        update: vi.fn(async () => ({})),
      },
      focusWindow: vi.fn(async () => ({})),
      extensionUrl: (p: string) => `chrome-extension://ext/${p}`,
      startWatch: vi.fn(async () => []),
      clear: vi.fn(async () => true),
    };
    return { deps, ...createNotificationClicks(deps) };
  }

  it('a verdict notification opens its details page for that tab', async () => {
    const c = clicks();
    await c.onClicked('culprit:tab:7');
    expect(c.deps.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://ext/popup.html?tab=7' });
    expect(c.deps.clear).toHaveBeenCalledWith('culprit:tab:7');
  });

  it('its button (Chrome) starts the watch for that tab', async () => {
    const c = clicks();
    await c.onButtonClicked('culprit:tab:7', 0);
    expect(c.deps.startWatch).toHaveBeenCalledWith(7);
  });

  it('"back" focuses the tab that failed, or reopens the page when the tab is gone', async () => {
    const c = clicks();
    await c.onClicked('culprit:back:7:https%3A%2F%2Fshop.example%2Fcart');
    expect(c.deps.tabs.update).toHaveBeenCalledWith(7, { active: true });
    expect(c.deps.focusWindow).toHaveBeenCalledWith(3);
    c.deps.tabs.get.mockRejectedValueOnce(new Error('No tab with id: 7'));
    await c.onClicked('culprit:back:7:https%3A%2F%2Fshop.example%2Fcart');
    expect(c.deps.tabs.create).toHaveBeenCalledWith({ url: 'https://shop.example/cart' });
  });

  it('ids it did not make are ignored', async () => {
    expect(parseNotificationId('other-extension:1')).toBeNull();
    expect(parseNotificationId('culprit:back:1:%E0%A4%A')).toBeNull();
    const c = clicks();
    await c.onClicked('something-else');
    expect(c.deps.tabs.create).not.toHaveBeenCalled();
  });
});
