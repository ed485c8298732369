/**
 * Whatever a peer server answers, the lookup settles: null, facts about the person's own site, or PeersUnavailable.
 * It never throws anything else, and never reports facts that belong to another hash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPeerClient } from './client.ts';
import { PeersUnavailable } from './failover.ts';
import { hashHost, prefixOf } from './host-hash.ts';
import { OUTAGE_STATES } from './wire.ts';
import { sha256 } from '../../../tests/support/sha256.ts';

const SITE = 'shop.co.kr';
const OWN = await hashHost(SITE, sha256);
const PREFIX = prefixOf(OWN);

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
/** Hashes in the same bucket as the site's own, never equal to it. */
const neighbour = hex(60)
  .map((rest) => PREFIX + rest)
  .filter((hash) => hash !== OWN);
const entry = (hostHash: fc.Arbitrary<unknown>) =>
  fc.record({
    hostHash,
    count15: fc.oneof(fc.nat(), fc.double(), fc.constant(-1)),
    count60: fc.oneof(fc.nat(), fc.string()),
    baseline15: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double()),
    state: fc.oneof(fc.constantFrom(...OUTAGE_STATES), fc.string()),
  });
/** Answers shaped like the real thing (so validation is exercised past the envelope), plus anything at all. */
const answer = fc.oneof(
  fc
    .record({
      ok: fc.oneof(fc.constant(true), fc.boolean()),
      data: fc.record({
        prefix: fc.oneof(fc.constant(PREFIX), hex(4)),
        minute: fc.oneof(fc.nat(), fc.double()),
        entries: fc.array(entry(fc.oneof(neighbour, fc.string())), { maxLength: 40 }),
        pad: fc.string(),
      }),
    })
    .map((body) => JSON.stringify(body)),
  fc.json(),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

const clientAnswering = (body: string, status = 200) =>
  createPeerClient({
    fetch: async () => new Response(body, { status }),
    sha256,
    timeout: (ms) => AbortSignal.timeout(ms),
  });

async function settle(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    return error;
  }
}

describe('prefix answers (property)', () => {
  it("any body: null or PeersUnavailable, never facts for a hash that is not the site's own", async () => {
    await fc.assert(
      fc.asyncProperty(answer, fc.constantFrom(200, 200, 404, 503), async (body, status) => {
        const result = await settle(clientAnswering(body, status).lookup(['https://peer.example.net'], SITE));
        expect(result === null || result instanceof PeersUnavailable).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a valid answer that lists the own hash yields exactly that entry's facts", async () => {
    const valid = fc.record({
      hostHash: neighbour,
      count15: fc.nat({ max: 1e6 }),
      count60: fc.nat({ max: 1e6 }),
      baseline15: fc.double({ min: 0, max: 1e4, noNaN: true }),
      state: fc.constantFrom(...OUTAGE_STATES),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(valid, { maxLength: 31 }), valid, fc.nat(), async (others, mine, at) => {
        const own = { ...mine, hostHash: OWN };
        const entries = [...others.filter((o) => o.hostHash !== OWN)];
        entries.splice(at % (entries.length + 1), 0, own);
        const body = JSON.stringify({ ok: true, data: { prefix: PREFIX, minute: 1, entries, pad: '' } });
        const unique = new Set(entries.map((e) => e.hostHash)).size === entries.length;
        const result = await settle(clientAnswering(body).lookup(['https://peer.example.net'], SITE));
        if (!unique) return expect(result).toBeInstanceOf(PeersUnavailable);
        expect(result).toEqual({
          state: own.state,
          count15: own.count15,
          ratio: own.baseline15 > 0 ? own.count15 / own.baseline15 : null,
        });
      }),
      { numRuns: 200 },
    );
  });
});
