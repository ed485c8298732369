import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./browser.ts', () => ({
  browser: {
    i18n: {
      getMessage: (key: string) =>
        (
          ({
            popup_checkAgain: 'Check again',
            popup_only: 'English only',
            verdict_siteOrigin: '{host} itself is down',
            ev_sites: '{count} other sites failed',
            ev_sites_one: '{count} other site failed',
            ev_platformHost: "{platform}'s router says the site's app crashed or did not answer (error {code}).",
          }) as Record<string, string>
        )[key] ?? '',
      getUILanguage: () => 'en-US',
    },
    runtime: { getURL: (path: string) => `chrome-extension://ext/${path}` },
  },
}));

const { applyLanguage, formatMessage, preloadLanguage, t } = await import('./i18n.ts');
const ko = {
  popup_checkAgain: { message: '다시 확인' },
  Verdict_SiteOrigin: { message: '{host} 자체가 다운됐어요' },
  ev_sites: { message: '다른 사이트 {count}곳도 실패했어요' },
};
const fetchKo = vi.fn(async (url: string) => new Response(JSON.stringify(url.includes('/ko/') ? ko : {})));

describe('language setting', () => {
  beforeEach(async () => void (await applyLanguage('auto')));

  it('auto uses the browser language', async () => {
    expect(await applyLanguage('auto', fetchKo)).toBe('en-US');
    expect(t('popup_checkAgain')).toBe('Check again');
  });

  it('a chosen locale loads (keys matched case-insensitively, as Chrome does) its messages.json from the extension and switches t(), params included', async () => {
    expect(await applyLanguage('ko', fetchKo)).toBe('ko');
    expect(fetchKo).toHaveBeenCalledWith('chrome-extension://ext/_locales/ko/messages.json');
    expect(t('popup_checkAgain')).toBe('다시 확인');
    expect(t('verdict_siteOrigin', { host: 'shop.example' })).toBe('shop.example 자체가 다운됐어요');
  });

  it('falls back to browser.i18n when the locale cannot be loaded', async () => {
    expect(
      await applyLanguage('ko', async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe('en-US');
    expect(t('popup_checkAgain')).toBe('Check again');
  });

  it('a preloaded locale is used by the next switch to it, without reading the file again', async () => {
    const reads = vi.fn(async (url: string) => new Response(JSON.stringify(url.includes('/ko/') ? ko : {})));
    preloadLanguage('ko', reads);
    expect(await applyLanguage('ko', reads)).toBe('ko');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(t('popup_checkAgain')).toBe('다시 확인');
  });

  it('a wrong guess is read past: the chosen locale is loaded as usual', async () => {
    const reads = vi.fn(async (url: string) => new Response(JSON.stringify(url.includes('/ko/') ? ko : {})));
    preloadLanguage('en', reads);
    expect(await applyLanguage('ko', reads)).toBe('ko');
    expect(reads.mock.calls.map(([url]) => url)).toEqual([
      'chrome-extension://ext/_locales/en/messages.json',
      'chrome-extension://ext/_locales/ko/messages.json',
    ]);
    expect(t('popup_checkAgain')).toBe('다시 확인');
  });

  it('a key missing from the chosen locale falls back to browser.i18n', async () => {
    await applyLanguage('ko', fetchKo);
    expect(t('popup_only')).toBe('English only');
  });
});

describe('plurals', () => {
  beforeEach(async () => void (await applyLanguage('auto')));

  it('English picks the singular variant for one and the plain message otherwise', () => {
    expect(t('ev_sites', { count: 1 })).toBe('1 other site failed');
    expect(t('ev_sites', { count: 2 })).toBe('2 other sites failed');
    expect(t('ev_sites', { count: 0 })).toBe('0 other sites failed');
  });

  it('Korean has one form: the plain message serves every count, never the English variant', async () => {
    await applyLanguage('ko', fetchKo);
    expect(t('ev_sites', { count: 1 })).toBe('다른 사이트 1곳도 실패했어요');
  });
});

describe('platforms', () => {
  beforeEach(async () => void (await applyLanguage('auto')));

  it('a platform parameter is shown by its brand name', () => {
    expect(formatMessage({ key: 'ev_platformHost', params: { platform: 'heroku', code: 503 } })).toBe(
      "Heroku's router says the site's app crashed or did not answer (error 503).",
    );
  });
});
