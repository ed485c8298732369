/**
 * Every probe stays on the host it was sent to. The fake fetch behaves as a browser does: with `redirect: 'follow'`
 * it goes on to the Location (and records that request), with `'manual'` it hands back the redirect itself, in the
 * browser's shape (an `opaqueredirect`, status 0) or Node's (the 3xx).
 */
import { describe, expect, it } from 'vitest';
import { gatherFacts, type GatherDeps } from './gather.ts';
import { DEFAULT_PROBE_CONFIG } from './probe-config.ts';
import { probeDoh, probeOrigin, probeReachable, probeTrace } from './probes.ts';
import { somePageFacts } from '../../../tests/support/builders.ts';

/** Where a hostile site points its redirects: a router's admin page on the person's LAN. */
const LAN_TARGET = 'http://192.168.1.1/admin';

type Shape = 'browser' | 'node';

/** The browser's answer to a redirect under `redirect: 'manual'`: no status, no headers, no body. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
  return response;
}

/** Every URL redirects to LAN_TARGET, which answers 200 with a trace-like body (so following it would show). */
function redirectingFetch(shape: Shape, seen: string[]) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    seen.push(url);
    if (url === LAN_TARGET) return new Response('fl=1\nh=router\ncolo=ICN\n', { status: 200 });
    if (init.redirect === 'follow' || init.redirect === undefined) {
      seen.push(LAN_TARGET);
      return new Response('fl=1\nh=router\ncolo=ICN\n', { status: 200 });
    }
    if (init.redirect === 'error') throw new TypeError('redirect refused');
    return shape === 'browser'
      ? opaqueRedirect()
      : new Response(null, { status: 302, headers: { location: LAN_TARGET } });
  };
}

const signal = () => AbortSignal.timeout(1_000);

describe.each<Shape>(['browser', 'node'])('probes answered with a redirect (%s shape)', (shape) => {
  it('the re-fetch reads a redirect as the site answering, and goes nowhere else', async () => {
    const seen: string[] = [];
    await expect(probeOrigin(redirectingFetch(shape, seen), 'https://evil.example/x', signal())).resolves.toBe('ok');
    expect(seen).toEqual(['https://evil.example/x']);
  });

  it('/cdn-cgi/trace behind a redirect is no trace', async () => {
    const seen: string[] = [];
    await expect(probeTrace(redirectingFetch(shape, seen), 'https://evil.example', signal())).resolves.toBeNull();
    expect(seen).toEqual(['https://evil.example/cdn-cgi/trace']);
  });

  it('a control or connectivity host that redirects has answered', async () => {
    const seen: string[] = [];
    await expect(probeReachable(redirectingFetch(shape, seen), 'https://control.example/', signal())).resolves.toBe(
      true,
    );
    expect(seen).toEqual(['https://control.example/']);
  });

  it('a DoH endpoint that redirects gives no answer', async () => {
    const seen: string[] = [];
    const answer = probeDoh(redirectingFetch(shape, seen), 'https://doh.example/q', 'shop.example', signal());
    await expect(answer).resolves.toBeNull();
    expect(seen).toEqual(['https://doh.example/q?name=shop.example&type=A']);
  });

  it('a whole diagnosis of a failing Cloudflare page never reaches the redirect target', async () => {
    const seen: string[] = [];
    const deps: GatherDeps = {
      fetch: redirectingFetch(shape, seen),
      config: { ...DEFAULT_PROBE_CONFIG, timeoutMs: 500 },
      now: () => performance.now(),
      timeout: (ms) => AbortSignal.timeout(ms),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      vendorStatus: async () => ({ state: 'skipped', reason: 'not asked here', ms: 0 }),
      correlation: async () => ({ hosts: 1, sameColo: false }),
    };
    const facts = await gatherFacts(deps, 'https://evil.example/x', somePageFacts());
    expect(seen).not.toContain(LAN_TARGET);
    expect(facts.probes).toMatchObject({ origin: 'ok', trace: null, control: true });
  });
});
