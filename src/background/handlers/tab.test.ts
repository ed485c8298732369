import { describe, expect, it, vi } from 'vitest';
import type { PageMarkers } from '../core/detect/types.ts';
import type { Runtime } from '../shared/browser.ts';
import { createMessageHandlers, type MessageDeps } from './message-handlers.ts';

const markers: PageMarkers = {
  title: 'Just a moment...',
  text: '',
  ids: [],
  classes: [],
  resources: [],
  inlineScript: '',
  errorSourceId: null,
  isPlainText: false,
};
const report = { markers, status: 403, sequence: 0 };
type Tab = NonNullable<Runtime.MessageSender['tab']>;
const tab = (id: number) => ({ id }) as Tab; // the handlers read only the id
const pageSender = (over: { [K in keyof Runtime.MessageSender]?: Runtime.MessageSender[K] | undefined } = {}) =>
  ({ id: 'ext', tab: tab(9), frameId: 0, url: 'https://a.example/', ...over }) as Runtime.MessageSender;

function setup(extra: Partial<MessageDeps> = {}) {
  const onPageReport = vi.fn(async () => undefined);
  const onPageRestored = vi.fn(async () => undefined);
  const getState = vi.fn(async () => null);
  const deps = {
    events: { onPageReport, onPageRestored, onMainFrameHeaders: vi.fn(), onMainFrameError: vi.fn() },
    store: { getState },
    diagnoser: { getVerdict: async () => ({ verdict: null, pending: false }), diagnose: vi.fn(async () => null) },
    peers: { statusFor: vi.fn(async () => null), reportNow: vi.fn(async () => 'sent') },
    now: () => 0,
    extensionOrigin: 'chrome-extension://ext',
    ...extra,
  } as unknown as MessageDeps; // only the members the handlers touch are provided
  return { handlers: createMessageHandlers(deps), onPageReport, onPageRestored, getState };
}

describe('page/report', () => {
  it('accepts a valid report from a top frame', async () => {
    const { handlers, onPageReport } = setup();
    await handlers['page/report'](report, pageSender());
    expect(onPageReport).toHaveBeenCalledWith(9, 'https://a.example/', markers, 403);
  });

  it.each([
    ['a sub-frame', pageSender({ frameId: 3 })],
    ['no tab', pageSender({ tab: undefined })],
  ])('ignores a report from %s', async (_, sender) => {
    const { handlers, onPageReport } = setup();
    await handlers['page/report'](report, sender);
    expect(onPageReport).not.toHaveBeenCalled();
  });

  it.each([
    ['garbage', 'x'],
    ['an oversized title', { ...report, markers: { ...markers, title: 'x'.repeat(5000) } }],
    ['an extra field', { ...report, evil: true }],
    ['a wrong type', { ...report, status: '500' }],
  ])('drops %s', async (_, payload) => {
    const { handlers, onPageReport } = setup();
    await handlers['page/report'](payload, pageSender());
    expect(onPageReport).not.toHaveBeenCalled();
  });

  it('rate-limits a flood from one tab but not other tabs', async () => {
    const { handlers, onPageReport } = setup();
    for (let i = 0; i < 100; i++) await handlers['page/report'](report, pageSender());
    expect(onPageReport).toHaveBeenCalledTimes(8);
    await handlers['page/report'](report, pageSender({ tab: tab(10) }));
    expect(onPageReport).toHaveBeenCalledTimes(9);
  });
});

describe('page/restored', () => {
  it('clears the tab of a top frame that came back from the back/forward cache', async () => {
    const { handlers, onPageRestored } = setup();
    await handlers['page/restored']({ status: 200 }, pageSender());
    expect(onPageRestored).toHaveBeenCalledWith(9, 'https://a.example/', 200);
  });

  it.each([
    ['a sub-frame', { status: 200 }, pageSender({ frameId: 2 })],
    ['no tab', { status: 200 }, pageSender({ tab: undefined })],
    ['an extra field', { status: 200, tabId: 1 }, pageSender()],
    ['a status out of range', { status: 70_000 }, pageSender()],
  ])('ignores %s', async (_, payload, sender) => {
    const { handlers, onPageRestored } = setup();
    await handlers['page/restored'](payload, sender);
    expect(onPageRestored).not.toHaveBeenCalled();
  });

  it('shares the page-report limit, so a page cannot wipe its state in a loop', async () => {
    const { handlers, onPageRestored, onPageReport } = setup();
    for (let i = 0; i < 50; i++) await handlers['page/restored']({ status: null }, pageSender());
    await handlers['page/report'](report, pageSender());
    expect(onPageRestored).toHaveBeenCalledTimes(8);
    expect(onPageReport).not.toHaveBeenCalled();
  });
});

describe('tab/get', () => {
  it('answers extension pages and refuses content scripts', async () => {
    const { handlers, getState } = setup();
    await handlers['tab/get']({ tabId: 3 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(getState).toHaveBeenCalledWith(3);
    expect(await handlers['tab/get']({ tabId: 3 }, pageSender())).toEqual({
      state: null,
      verdict: null,
      pending: false,
    });
    expect(getState).toHaveBeenCalledTimes(1);
  });
});

describe('tab/check', () => {
  it('starts an on-demand diagnosis without waiting for it, and answers with the links of the tab', async () => {
    let finish = (): void => undefined;
    const diagnose = vi.fn(
      () =>
        new Promise<null>((resolve) => {
          finish = () => resolve(null);
        }),
    );
    const state = {
      tabId: 3,
      url: 'https://github.com/x',
      host: 'github.com',
      status: 200,
      kind: 'none',
      detection: null,
      networkError: null,
      updatedAt: 0,
    };
    const { handlers } = setup({
      store: { getState: async () => state } as unknown as MessageDeps['store'],
      diagnoser: {
        diagnose,
        getVerdict: async () => ({ verdict: null, pending: true, progress: { page: { state: 'ok', ms: 0 } } }),
      },
    });
    const answer = await handlers['tab/check']({ tabId: 3 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(diagnose).toHaveBeenCalledWith(3, { force: true, onDemand: true });
    expect(answer).toMatchObject({
      pending: true,
      progress: { page: { state: 'ok' } },
      links: { vendor: null, site: 'https://www.githubstatus.com/' },
    });
    finish();
  });

  it('is refused to content scripts', async () => {
    const diagnose = vi.fn(async () => null);
    const { handlers } = setup({
      diagnoser: { diagnose, getVerdict: async () => ({ verdict: null, pending: false, progress: null }) },
    });
    expect(await handlers['tab/check']({ tabId: 3 }, pageSender())).toEqual({
      state: null,
      verdict: null,
      pending: false,
    });
    expect(diagnose).not.toHaveBeenCalled();
  });
});

describe('peer/report', () => {
  const failing = {
    tabId: 3,
    url: 'https://shop.example/x',
    host: 'shop.example',
    status: 522,
    kind: 'origin-error',
    detection: null,
    networkError: null,
    updatedAt: 0,
  };
  const popupSender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

  it("reports the tab's failure for an extension page and answers with the new peer status", async () => {
    const reportNow = vi.fn(async () => 'sent' as const);
    const statusFor = vi.fn(async () => ({ canReport: false, reportedAt: 5 }));
    const { handlers } = setup({
      store: { getState: async () => failing } as unknown as MessageDeps['store'],
      peers: { reportNow, statusFor },
    });
    const answer = await handlers['peer/report']({ tabId: 3 }, popupSender);
    expect(reportNow).toHaveBeenCalledWith(failing, null);
    expect(answer).toEqual({ outcome: 'sent', peer: { canReport: false, reportedAt: 5 } });
  });

  it('peer/status answers extension pages only, and tab/get does not ask it (the popup asks after it has rendered)', async () => {
    const statusFor = vi.fn(async () => ({ canReport: true, reportedAt: null }));
    const { handlers } = setup({
      store: { getState: async () => failing } as unknown as MessageDeps['store'],
      peers: { reportNow: vi.fn(), statusFor },
    });
    await handlers['tab/get']({ tabId: 3 }, popupSender);
    expect(statusFor).not.toHaveBeenCalled();
    expect(await handlers['peer/status']({ tabId: 3 }, popupSender)).toEqual({ canReport: true, reportedAt: null });
    expect(await handlers['peer/status']({ tabId: 3 }, pageSender())).toBeNull();
    expect(statusFor).toHaveBeenCalledTimes(1);
  });

  it('is refused to content scripts', async () => {
    const reportNow = vi.fn(async () => 'sent' as const);
    const { handlers } = setup({
      store: { getState: async () => failing } as unknown as MessageDeps['store'],
      peers: { reportNow, statusFor: vi.fn() },
    });
    expect(await handlers['peer/report']({ tabId: 3 }, pageSender())).toMatchObject({ outcome: 'off' });
    expect(reportNow).not.toHaveBeenCalled();
  });
});

describe('e2e/open', () => {
  it('is refused when the build has no bridge', async () => {
    const { handlers } = setup();
    await expect(handlers['e2e/open']({ path: 'popup.html' }, pageSender())).resolves.toBeUndefined();
  });

  it('opens only plain extension page paths', async () => {
    const openExtensionPage = vi.fn(async () => undefined);
    const { handlers } = setup({ openExtensionPage });
    await handlers['e2e/open']({ path: 'popup.html?tab=self' }, pageSender());
    await handlers['e2e/open']({ path: 'https://evil.example/' }, pageSender());
    expect(openExtensionPage).toHaveBeenCalledTimes(1);
    expect(openExtensionPage).toHaveBeenCalledWith('popup.html?tab=self', 9);
  });
});
