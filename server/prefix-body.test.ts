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
    }));
    const down = { hostHash: `0000${'f'.repeat(60)}`, series: { slots: [20, 20, 20], dailyHour: [] } };
    const parsed = JSON.parse(
      Buffer.from(buildPrefixBody('0000', 1, [...quiet, down], randomHex)).toString('latin1'),
    ) as { data: PrefixData };
    expect(parsed.data.entries.find((entry) => entry.hostHash === down.hostHash)?.state).toBe('outage');
  });
});
