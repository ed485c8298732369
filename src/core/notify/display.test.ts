import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAIN_MAX, TEXT_MAX, asciiHost, displayMessage, displaySite, shorten, siteOf } from './display.ts';

describe('what a notification shows of a site', () => {
  it.each([
    ['0-your-account-is-locked-call-0800-555-0199.evil.example', 'evil.example'],
    ['a.b.c.d.e.f.evil.example', 'evil.example'],
    ['EVIL.Example.', 'evil.example'],
    ['www.musinsa.co.kr', 'musinsa.co.kr'],
    ['user.github.io', 'user.github.io'],
    ['192.0.2.1', '192.0.2.1'],
    ['localhost', 'localhost'],
  ])('%s is shown as %s', (host, shown) => {
    expect(displaySite(host)).toBe(shown);
  });

  it('a Unicode look-alike is shown as the URL parser spells it (punycode), never decoded', () => {
    // Cyrillic "а" in place of Latin "a".
    expect(displaySite('login.\u0430pple.com')).toBe('xn--pple-43d.com');
    expect(displaySite('xn--pple-43d.com')).toBe('xn--pple-43d.com');
    expect(asciiHost('Bücher.Example.')).toBe('xn--bcher-kva.example');
  });

  it('a long registrable domain is cut in the middle, keeping its end', () => {
    const shown = displaySite('0-your-account-is-locked-call-0800-555-0199-now.example');
    expect([...shown]).toHaveLength(DOMAIN_MAX);
    expect(shown).toMatch(/^0-your-acc…/);
    expect(shown.endsWith('-now.example')).toBe(true);
  });

  it('whatever the host, the name shown is bounded and ends with the end of the registrable domain', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 0, maxLength: 6 }), label, (subdomains, name) => {
        const host = [...subdomains, name, 'example'].join('.');
        const shown = displaySite(host);
        expect([...shown].length).toBeLessThanOrEqual(DOMAIN_MAX);
        expect(`${name}.example`.endsWith(shown.split('…').at(-1)!)).toBe(true);
        expect(siteOf(host)).toBe(`${name}.example`);
      }),
    );
  });

  it('shorten leaves short text alone and counts characters, not UTF-16 units', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('abcdefghij.example', 12)).toBe('abc….example');
    expect([...shorten('😀'.repeat(50), 10)]).toHaveLength(10);
  });

  it("a verdict message: the host becomes the site's name, other text is bounded, numbers pass", () => {
    const long = 'X'.repeat(500);
    expect(
      displayMessage({
        key: 'verdict_cdnEdge',
        params: { host: 'call-0800.login.evil.example', vendor: 'cloudflare', colo: long, count: 30 },
      }),
    ).toEqual({
      key: 'verdict_cdnEdge',
      params: { host: 'evil.example', vendor: 'cloudflare', colo: shorten(long, TEXT_MAX), count: 30 },
    });
  });
});
