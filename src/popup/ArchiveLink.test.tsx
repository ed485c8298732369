// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const create = vi.fn(async () => undefined);
vi.mock('../shared/browser.ts', () => ({
  browser: { i18n: { getMessage: () => '', getUILanguage: () => 'en' }, tabs: { create } },
}));
const { ArchiveLink } = await import('./ArchiveLink.tsx');

const SNAPSHOT = 'https://web.archive.org/web/20251118112500/https://shop.example/';
const found = {
  archived_snapshots: { closest: { available: true, status: '200', timestamp: '20251118112500', url: SNAPSHOT } },
};
let fetchMock: ReturnType<typeof vi.fn<(...args: unknown[]) => Promise<Response>>>;
const answer = (body: unknown, status = 200) =>
  (fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status })));

let root: HTMLElement;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const show = async (auto: boolean) => {
  await act(() => render(<ArchiveLink pageUrl="https://shop.example/" auto={auto} />, root));
  await settle();
};
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);

beforeEach(() => {
  create.mockClear();
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
  vi.stubGlobal('fetch', (...args: unknown[]) => fetchMock(...args));
});
afterEach(() => vi.unstubAllGlobals());

describe('popup archive link', () => {
  it('asks archive.org only on click, then opens the snapshot', async () => {
    answer(found);
    await show(false);
    expect(fetchMock).not.toHaveBeenCalled();
    expect($('[data-action="archive"]')?.getAttribute('aria-describedby')).toBe('archive-hint');
    $('[data-action="archive"]')!.click();
    await settle();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ url: SNAPSHOT });
    expect($('a[data-action="archive-open"]')?.getAttribute('href')).toBe(SNAPSHOT);
  });

  it('with the setting on, looks it up at once and offers the link without opening a tab', async () => {
    answer(found);
    await show(true);
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(create).not.toHaveBeenCalled();
    expect($('a[data-action="archive-open"]')?.textContent).toBe('popup_archiveFound');
  });

  it.each([
    ['no copy', () => answer({ archived_snapshots: {} }), 'none', 'popup_archiveNone'],
    ['an error', () => answer({ error: 'busy' }, 503), 'failed', 'popup_archiveFailed'],
    [
      'garbage',
      () =>
        answer({
          archived_snapshots: {
            closest: { available: true, url: 'https://evil.example/', timestamp: '20251118112500' },
          },
        }),
      'failed',
      'popup_archiveFailed',
    ],
  ])('says so clearly on %s', async (_, arrange, step, text) => {
    arrange();
    await show(false);
    $('[data-action="archive"]')!.click();
    await settle();
    await settle();
    const status = $('[role="status"]')!;
    expect(status.dataset.step).toBe(step);
    expect(status.textContent).toBe(text);
    expect(create).not.toHaveBeenCalled();
  });
});
