import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PREFIX_ENTRY_COUNT, PREFIX_RESPONSE_BYTES, type ApiResult, type PrefixData } from '../src/core/peer/wire.ts';
import { buildPrefixBody } from './prefix-body.ts';
import { createRandomHex } from './random-hex.ts';

const randomHex = createRandomHex();

describe('buildPrefixBody', () => {
  it('is valid ApiResult JSON of exactly the fixed size, whatever the counts', () => {
    const series = fc.record({
      slots: fc.array(fc.nat({ max: 2_000_000_000 }), { maxLength: 12 }),
      dailyHour: fc.array(fc.nat({ max: 2_000_000_000 }), { maxLength: 7 }),
    });
    fc.assert(
      fc.property(fc.array(series, { maxLength: 60 }), fc.nat({ max: 99_999_999 }), (hosts, minute) => {
        const bytes = buildPrefixBody(
          'ffff',
          minute,
          hosts.map((hostSeries, index) => ({
            hostHash: `ffff${index.toString(16).padStart(60, '0')}`,
            series: hostSeries,
            networks: index % 3,
          })),
          randomHex,
        );
        expect(bytes.byteLength).toBe(PREFIX_RESPONSE_BYTES);
        const parsed = JSON.parse(Buffer.from(bytes).toString('latin1')) as ApiResult<PrefixData>;
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(parsed.data.entries).toHaveLength(PREFIX_ENTRY_COUNT);
          expect(parsed.data.minute).toBe(minute);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the outages first when the bucket overflows', () => {
    const quiet = Array.from({ length: 40 }, (_, index) => ({
      hostHash: `0000${index.toString(16).padStart(60, '0')}`,
      series: { slots: [1], dailyHour: [] },
      networks: 1,
    }));
    const down = { hostHash: `0000${'f'.repeat(60)}`, series: { slots: [20, 20, 20], dailyHour: [] }, networks: 1 };
    const parsed = JSON.parse(
      Buffer.from(buildPrefixBody('0000', 1, [...quiet, down], randomHex)).toString('latin1'),
    ) as { data: PrefixData };
    expect(parsed.data.entries.find((entry) => entry.hostHash === down.hostHash)?.state).toBe('outage');
  });

  it('never lets a host reported from fewer networks push out one reported from more', () => {
    const hostCount = fc.integer({ min: 0, max: 80 });
    const host = fc.record({
      slots: fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 12 }),
      networks: fc.nat({ max: 40 }),
    });
    fc.assert(
      fc.property(
        hostCount.chain((count) => fc.array(host, { minLength: count, maxLength: count })),
        (drawn) => {
          const hosts = drawn.map(({ slots, networks }, index) => ({
            hostHash: `0000${index.toString(16).padStart(60, '0')}`,
            series: { slots: [slots[0]! + 1, ...slots.slice(1)], dailyHour: [] },
            networks,
          }));
          const bytes = buildPrefixBody('0000', 1, hosts, randomHex);
          const listed = new Set(
            (JSON.parse(Buffer.from(bytes).toString('latin1')) as { data: PrefixData }).data.entries.map(
              (e) => e.hostHash,
            ),
          );
          const networksOf = (inList: boolean) =>
            hosts.filter((h) => listed.has(h.hostHash) === inList).map((h) => h.networks);
          const leftOut = networksOf(false);
          if (leftOut.length > 0) expect(Math.min(...networksOf(true))).toBeGreaterThanOrEqual(Math.max(...leftOut));
        },
      ),
      { numRuns: 200 },
    );
  });
});
