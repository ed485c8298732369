import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const permissions = { request: vi.fn(), contains: vi.fn(), remove: vi.fn() };
vi.mock('./browser.ts', () => ({ browser: { permissions } }));

async function load(target: 'firefox' | 'chrome') {
  vi.resetModules();
  vi.stubEnv('BROWSER', target);
  return import('./peer-consent.ts');
}

beforeEach(() => vi.clearAllMocks());
afterAll(() => vi.unstubAllEnvs());

describe('Firefox data-collection consent for peer reports', () => {
  it('on Firefox asks for the declared categories, and a refusal or an error means no', async () => {
    const consent = await load('firefox');
    permissions.request
      .mockResolvedValueOnce(true)
      .mockResolvedValueOnce(false)
      .mockRejectedValueOnce(new Error('not in a user action'));
    expect(await consent.requestPeerConsent()).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({
      data_collection: ['browsingActivity', 'technicalAndInteraction'],
    });
    expect(await consent.requestPeerConsent()).toBe(false);
    expect(await consent.requestPeerConsent()).toBe(false);
    permissions.contains.mockResolvedValueOnce(false).mockRejectedValueOnce(new Error('unsupported'));
    expect(await consent.hasPeerConsent()).toBe(false);
    expect(await consent.hasPeerConsent()).toBe(false);
  });

  it('on Chrome the setting alone decides and no permission is asked', async () => {
    const consent = await load('chrome');
    expect(await consent.requestPeerConsent()).toBe(true);
    expect(await consent.hasPeerConsent()).toBe(true);
    await consent.withdrawPeerConsent();
    expect(permissions.request).not.toHaveBeenCalled();
    expect(permissions.remove).not.toHaveBeenCalled();
  });
});
