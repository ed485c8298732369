// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../core/history/log.ts';

vi.mock('../shared/browser.ts', () => {
  const en = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  return { browser: { i18n: { getMessage: (key: string) => en[key]?.message ?? '', getUILanguage: () => 'en' } } };
});
const log: HistoryEntry[] = [
  {
    id: '2',
    host: '=cmd|calc',
    culprit: 'site',
    rule: 'site-origin',
    vendor: null,
    colo: null,
    start: Date.UTC(2025, 11, 5, 8, 47),
    end: null,
    evidence: [{ key: 'ev_origin_origin_error', params: {} }],
  },
  {
    id: '1',
    host: 'chatgpt.com',
    culprit: 'cdn',
    rule: 'cdn-correlated',
    vendor: 'cloudflare',
    colo: 'ICN',
    start: Date.UTC(2025, 10, 18, 11, 25),
    end: Date.UTC(2025, 10, 18, 14, 30),
    evidence: [],
  },
];
const send = vi.fn(async (type: string) => (type === 'history/list' ? structuredClone(log) : undefined));
vi.mock('../shared/send.ts', () => ({ send: (type: string) => send(type) }));

const { HistoryPage } = await import('./HistoryPage.tsx');
const { HistoryTable } = await import('./HistoryTable.tsx');

let root: HTMLElement;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const rows = () => [...root.querySelectorAll('tbody th')].map((th) => th.textContent);

beforeEach(async () => {
  send.mockClear();
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
  await act(() => render(<HistoryPage />, root));
  await settle();
});

describe('history page', () => {
  it('lists incidents in a captioned table, ongoing ones marked', () => {
    expect(root.querySelector('caption')?.textContent).toBe('2 of 2 incidents');
    expect(rows()).toEqual(['=cmd|calc', 'chatgpt.com']);
    expect(root.querySelector('tbody tr')?.textContent).toContain('ongoing');
  });

  it('filters by text and by culprit', async () => {
    const select = root.querySelector<HTMLSelectElement>('#filter-culprit')!;
    select.value = 'cdn';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(rows()).toEqual(['chatgpt.com']);
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const text = root.querySelector<HTMLInputElement>('#filter-text')!;
    text.value = 'calc';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(rows()).toEqual(['=cmd|calc']);
  });

  it('exports what is shown as CSV, with formula injection neutralised', async () => {
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    button('Export CSV').click();
    const csv = await blob!.text();
    expect(csv.split('\r\n')[1]).toMatch(/^"'=cmd\|calc","site","site-origin",/);
    expect(csv).toContain('A fresh request to the site got a server error again.');
  });

  it('clear asks first, then empties the log', async () => {
    button('Clear history').click();
    await settle();
    expect(root.querySelector('fieldset')?.textContent).toContain('Delete all 2 incidents?');
    expect(send).not.toHaveBeenCalledWith('history/clear');
    button('Yes, delete them').click();
    await settle();
    expect(send).toHaveBeenCalledWith('history/clear');
    expect(root.textContent).toContain('No incidents yet.');
  });

  it('an entry covering many hosts of one site is named by the site, with the count of hosts', async () => {
    const family = {
      ...log[1]!,
      host: '0-your-account-is-locked.evil.example',
      family: { site: 'evil.example', hosts: ['0-your-account-is-locked.evil.example'], count: 30 },
    };
    await act(() => render(<HistoryTable entries={[family, log[0]!]} total={2} />, root));
    expect(rows()).toEqual(['evil.example (30 hosts)', '=cmd|calc']);
  });
});
