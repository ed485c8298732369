// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../tests/support/memory-storage.ts';

const locale = (lang: string) =>
  readFileSync(join(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8');
vi.mock('../shared/browser.ts', () => {
  const en = JSON.parse(locale('en')) as Record<string, { message: string }>;
  return {
    browser: {
      i18n: { getMessage: (key: string) => en[key]?.message ?? '', getUILanguage: () => 'en' },
      runtime: { getURL: (p: string) => `chrome-extension://ext/${p}` },
    },
  };
});
const storage = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryStorage> | null }));
vi.mock('../shared/storage/extension-storage.ts', () => ({
  get extensionStorage() {
    return storage.current;
  },
}));
vi.stubGlobal('fetch', async (url: string) => new Response(locale(url.includes('/ko/') ? 'ko' : 'en')));

const { Options } = await import('./Options.tsx');
const { DEFAULT_SETTINGS } = await import('../shared/settings.ts');
const { keys } = await import('../shared/storage/keys.ts');
const { applyLanguage } = await import('../shared/i18n.ts');

let root: HTMLElement;
const stored = async () =>
  storage.current?.areas.sync.data.get(keys.settings.key) as Record<string, unknown> | undefined;
const byLabel = (text: string) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(text))!.querySelector('input')!;
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

beforeEach(async () => {
  storage.current = memoryStorage();
  await applyLanguage('auto');
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
  await act(() => render(<Options initial={structuredClone(DEFAULT_SETTINGS) as never} />, root));
});

describe('options page', () => {
  it('every control is labelled, grouped by fieldset/legend, and peer reports start off', () => {
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([
      'Automatic notifications',
      'Peer reports',
      'Archive lookup',
    ]);
    for (const input of root.querySelectorAll('input, select')) {
      const labelled = input.closest('label') ?? root.querySelector(`label[for="${input.id}"]`);
      expect(labelled, input.outerHTML).not.toBeNull();
    }
    expect(byLabel('Share failures').checked).toBe(false);
    expect(byLabel('When a site or its CDN').checked).toBe(true);
    expect(root.textContent).toContain('placeholder: no public server runs here yet');
  });

  it('a change is saved at once and announced', async () => {
    byLabel('Only when a CDN fails').click();
    await settle();
    expect(await stored()).toMatchObject({ notifications: 'cdn-wide', version: 1 });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.');
  });

  it('the CDN radar starts on, says what it sends, and turns off on its own, apart from reports', async () => {
    const radar = byLabel('Ask the CDN radar');
    expect(radar.checked).toBe(true);
    expect(root.querySelector(`#${radar.getAttribute('aria-describedby')}`)?.textContent).toContain("CDN's name");
    radar.click();
    await settle();
    expect(await stored()).toMatchObject({ cdnRadar: false, peerReports: false });
  });

  it('an endpoint must be https: the error is announced and tied to the field', async () => {
    const field = root.querySelector<HTMLInputElement>('#endpoint-new')!;
    field.value = 'http://peers.example/';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Enter a full https:// address.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('endpoint-error');
    field.value = 'https://peers.example/v1';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect((await stored())?.peerEndpoints).toEqual([DEFAULT_SETTINGS.peerEndpoints[0], 'https://peers.example/v1']);
  });

  it('choosing Korean switches the page text', async () => {
    const select = root.querySelector<HTMLSelectElement>('#language')!;
    select.value = 'ko';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Culprit 설정');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('reset asks first, moves focus to the confirming button, then restores the defaults', async () => {
    byLabel('Share failures').click();
    await settle();
    button('Reset all settings').click();
    await settle();
    expect(document.activeElement?.textContent).toBe('Yes, reset');
    button('Cancel').click();
    await settle();
    expect(document.activeElement?.textContent).toBe('Reset all settings');
    button('Reset all settings').click();
    await settle();
    button('Yes, reset').click();
    await settle();
    expect(await stored()).toBeUndefined();
    expect(byLabel('Share failures').checked).toBe(false);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Settings reset to their defaults.');
  });
});
