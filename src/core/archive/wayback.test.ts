import { describe, expect, it } from 'vitest';
import { findSnapshot, WAYBACK_API } from './wayback.ts';

const answer =
  (body: unknown, status = 200) =>
  async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
let asked: Array<{ url: string; init: RequestInit }> = [];
const signal = AbortSignal.timeout(1000);
const closest = (over: object = {}) => ({
  url: 'https://shop.example/a?b=1',
  archived_snapshots: {
    closest: {
      available: true,
      status: '200',
      timestamp: '20251118112500',
      url: 'http://web.archive.org/web/20251118112500/https://shop.example/a?b=1',
      ...over,
    },
  },
});

describe('findSnapshot', () => {
  it('asks archive.org for the page URL, without cookies or referrer, and returns the https snapshot', async () => {
    asked = [];
    const found = await findSnapshot(answer(closest()), 'https://shop.example/a?b=1', signal);
    expect(asked[0]?.url).toBe(`${WAYBACK_API}?url=https%3A%2F%2Fshop.example%2Fa%3Fb%3D1`);
    expect(asked[0]?.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(found).toEqual({
      url: 'https://web.archive.org/web/20251118112500/https://shop.example/a?b=1',
      savedAt: Date.UTC(2025, 10, 18, 11, 25),
    });
  });

  it('returns null when the archive has no copy', async () => {
    expect(
      await findSnapshot(answer({ url: 'x', archived_snapshots: {} }), 'https://shop.example/', signal),
    ).toBeNull();
    expect(await findSnapshot(answer(closest({ available: false })), 'https://shop.example/', signal)).toBeNull();
  });

  it.each([
    ['an HTTP error', answer('busy', 503)],
    ['HTML', answer('<html>maintenance</html>')],
    ['a wrong shape', answer({ archived_snapshots: { closest: { available: 'yes' } } })],
    ['a snapshot outside web.archive.org', answer(closest({ url: 'https://evil.example/phish' }))],
    ['a javascript: URL', answer(closest({ url: 'javascript:alert(1)' }))],
  ])('fails on %s, never opens it', async (_, fetch) => {
    await expect(findSnapshot(fetch, 'https://shop.example/', signal)).rejects.toThrow();
  });
});
