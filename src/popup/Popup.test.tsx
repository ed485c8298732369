// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabReport } from '../shared/messages.ts';
import { aDetection, aTabState, aVerdict } from '../../tests/support/builders.ts';

vi.mock('../shared/browser.ts', () => ({
  browser: { i18n: { getMessage: () => '', getUILanguage: () => 'en' }, tabs: { create: vi.fn() } },
}));
let reports: TabReport[] = [];
let peerAnswers: Record<string, unknown> = {};
const send = vi.fn(async (type: string, _payload?: unknown): Promise<unknown> => {
  if (type === 'watch/list') return [];
  if (type.startsWith('peer/')) return peerAnswers[type] ?? null;
  return reports.length > 1 ? reports.shift() : reports[0];
});
vi.mock('../shared/send.ts', () => ({ send: (type: string, payload: unknown) => send(type, payload) }));
const { Popup } = await import('./Popup.tsx');

const normal = aTabState({ tabId: 4, status: 200, kind: 'none', detection: aDetection({ vendor: 'cloudflare' }) });
const failed = aTabState({
  tabId: 4,
  detection: aDetection({
    vendor: 'cloudflare',
    kind: 'origin-error',
    code: 522,
    colo: 'ICN',
    rayId: '8a1b2c3d4e5f6789-ICN',
  }),
});
/** What a check of a normal page ends with: nothing wrong, three sources answered. */
const nothingWrong = aVerdict({
  culprit: 'none',
  rule: 'none',
  colo: null,
  confidence: 0.8,
  headline: { key: 'verdict_none', params: {} },
  explanation: { key: 'explain_none', params: {} },
  sources: {
    page: { state: 'ok', ms: 0 },
    'origin-probe': { state: 'ok', ms: 40 },
    'vendor-status': { state: 'ok', ms: 90 },
    doh: { state: 'skipped', ms: 0 },
  },
});
const links = { vendor: 'https://www.cloudflarestatus.com/', site: null };

let root: HTMLElement;
const settle = (ms = 0) => act(async () => void (await new Promise((r) => setTimeout(r, ms))));
const show = async ({ peerReports = false } = {}) => {
  await act(() => render(<Popup tabId={4} archiveLookup={false} peerReports={peerReports} />, root));
  await settle();
};
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const sourceStates = () =>
  [...root.querySelectorAll<HTMLElement>('.sources li')].map((li) => `${li.dataset.source}:${li.dataset.state}`);

beforeEach(() => {
  send.mockClear();
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
});

describe('popup', () => {
  it('a normal page says so, fetches nothing, and offers "Check this site"', async () => {
    reports = [{ state: normal, verdict: null, pending: false, links }];
    await show();
    expect($('h1')?.textContent).toBe('headline_none');
    expect($('.sources')).toBeNull();
    expect(send.mock.calls.map(([type]) => type).sort()).toEqual(['tab/get', 'watch/list']);
    expect($('[data-action="check-site"]')?.getAttribute('aria-describedby')).toBe('check-hint');
    expect($('#check-hint')?.textContent).toBe('popup_checkSiteHint');
  });

  it('"Check this site" starts a check and fills in each source as it settles', async () => {
    reports = [{ state: normal, verdict: null, pending: false, links }];
    await show();
    const partial = {
      page: { state: 'ok' as const, ms: 0 },
      doh: { state: 'skipped' as const, ms: 0 },
      'origin-probe': { state: 'ok' as const, ms: 40 },
    };
    reports = [
      { state: normal, verdict: null, pending: true, progress: { page: partial.page, doh: partial.doh }, links },
      { state: normal, verdict: null, pending: true, progress: partial, links },
      { state: normal, verdict: nothingWrong, pending: false, progress: null, links },
    ];
    const button = $('[data-action="check-site"]')!;
    button.click();
    await settle();
    expect(send).toHaveBeenCalledWith('tab/check', { tabId: 4 });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(sourceStates()).toContain('vendor-status:running');
    expect(sourceStates()).not.toContain('doh:running');
    expect($('[data-state="running"]')?.textContent).toContain('popup_sourceChecking');
    await settle(300);
    expect(sourceStates()).toContain('origin-probe:ok');
    expect(sourceStates()).toContain('vendor-status:running');
    await settle(300);
    expect(sourceStates()).toEqual(['page:ok', 'vendor-status:ok', 'origin-probe:ok']);
    expect($('main')?.dataset.culprit).toBe('none');
    expect($('[data-action="check-again"]')?.getAttribute('aria-disabled')).toBe('false');
  });

  it('a background that refuses to answer is said, with a retry that then shows the verdict', async () => {
    reports = [{ state: failed, verdict: aVerdict(), pending: false, links }];
    send.mockImplementationOnce(async () => {
      throw new Error('refused');
    });
    await show();
    expect($('[role="alert"]')?.textContent).toContain('popup_unreachable');
    expect($('main')?.getAttribute('aria-busy')).toBe('false');
    $('[role="alert"] button')!.click();
    await settle();
    expect($('[role="alert"]')).toBeNull();
    expect($('main')?.dataset.culprit).toBe('site');
  });

  it('a failed "Check again" keeps the verdict on screen and says the check did not start', async () => {
    reports = [{ state: failed, verdict: aVerdict(), pending: false, links }];
    await show();
    send.mockImplementationOnce(async () => {
      throw new Error('refused');
    });
    $('[data-action="check-again"]')!.click();
    await settle();
    expect($('[role="alert"]')?.textContent).toContain('popup_unreachable');
    expect($('main')?.dataset.culprit).toBe('site');
    expect($('[data-action="check-again"]')?.getAttribute('aria-disabled')).toBe('false');
  });

  it('shows the CDN radar line with its hour as a chart whose numbers are its text', async () => {
    const radar = {
      vendor: 'cloudflare' as const,
      state: 'outage' as const,
      sites15: 412,
      colos: ['ICN', 'NRT'],
      coloState: 'outage' as const,
      series: [0, 0, 1, 0, 0, 0, 2, 0, 0, 40, 300, 412],
    };
    reports = [
      { state: failed, verdict: aVerdict({ culprit: 'cdn', rule: 'cdn-radar', radar }), pending: false, links },
    ];
    await show();
    expect($('.radar')?.dataset.radarState).toBe('outage');
    expect($('.radar p')?.textContent).toBe('radar_outage (ICN, NRT)');
    expect($('.radar svg')?.getAttribute('role')).toBe('img');
    expect($('.radar polyline')?.getAttribute('points')?.split(' ')).toHaveLength(12);
  });

  it('a failed page shows the Ray ID with Copy, the archive button and the CDN status page', async () => {
    reports = [{ state: failed, verdict: aVerdict(), pending: false, links }];
    await show();
    expect($('[data-fact="ray-id"] code')?.textContent).toBe('8a1b2c3d4e5f6789-ICN');
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    $('[data-action="copy-ray"]')!.click();
    await settle();
    expect(writeText).toHaveBeenCalledWith('8a1b2c3d4e5f6789-ICN');
    expect($('[data-fact="ray-id"] [role="status"]')?.textContent).toBe('popup_copied');
    expect($('[data-action="archive"]')).not.toBeNull();
    expect($('a[data-link="vendor-status"]')?.getAttribute('href')).toBe('https://www.cloudflarestatus.com/');
    expect($('a[data-link="site-status"]')).toBeNull();
    expect($('.radar')).toBeNull();
  });

  it('a clipboard that refuses is said, not swallowed', async () => {
    reports = [{ state: failed, verdict: null, pending: false }];
    await show();
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: async () => {
          throw new Error('denied');
        },
      },
      configurable: true,
    });
    $('[data-action="copy-ray"]')!.click();
    await settle();
    expect($('[data-fact="ray-id"] [role="status"]')?.textContent).toBe('popup_copyFailed');
  });

  it('"Report this problem" exists only with peer reports on, sends once, then says when it was reported', async () => {
    const siteDown = aVerdict();
    reports = [{ state: failed, verdict: siteDown, pending: false, links }];
    await show();
    expect($('[data-action="report-problem"]')).toBeNull();
    expect(send.mock.calls.map(([type]) => type)).not.toContain('peer/status'); // off: not even asked
    await act(() => render(null, root));

    const reportedAt = Date.UTC(2025, 10, 18, 11, 48);
    peerAnswers = {
      'peer/status': { canReport: true, reportedAt: null },
      'peer/report': { outcome: 'sent', peer: { canReport: false, reportedAt } },
    };
    await show({ peerReports: true });
    $('[data-action="report-problem"]')!.click();
    await settle();
    expect(send).toHaveBeenCalledWith('peer/report', { tabId: 4 });
    expect($('[data-action="report-problem"]')).toBeNull();
    expect($('[data-peer-report="reported"]')?.textContent).toBe('popup_reported');
  });

  it('a failure that may not be reported shows no button, and a report no server took is said', async () => {
    reports = [{ state: failed, verdict: aVerdict(), pending: false, links }];
    peerAnswers = { 'peer/status': { canReport: false, reportedAt: null } };
    await show({ peerReports: true });
    expect($('[data-action="report-problem"]')).toBeNull();
    await act(() => render(null, root));

    peerAnswers = {
      'peer/status': { canReport: true, reportedAt: null },
      'peer/report': { outcome: 'failed', peer: { canReport: true, reportedAt: null } },
    };
    await show({ peerReports: true });
    $('[data-action="report-problem"]')!.click();
    await settle();
    expect($('[data-peer-report="failed"]')?.textContent).toBe('popup_reportFailed');
    expect($('[data-action="report-problem"]')).not.toBeNull();
  });
});
