import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAP_COUNT, CAP_WINDOW_MS, EMPTY_CAP, admit, afterAdmit, summaryCount, type CapDecision } from './cap.ts';

const T0 = Date.UTC(2025, 10, 18, 11, 30);
const MIN = 60_000;

/** Runs failures at the given times through the cap, as the notifier does, and returns what each got. */
function run(times: readonly number[]) {
  let state = EMPTY_CAP;
  return times.map((now) => {
    const decision = admit(state, now);
    state = afterAdmit(state, decision, now);
    return decision;
  });
}

describe('overall notification cap', () => {
  it.each<[string, number[], CapDecision[]]>([
    ['three in a minute all go out', [0, 0.5, 1], ['show', 'show', 'show']],
    ['the fourth in the window becomes the summary', [0, 1, 2, 3], ['show', 'show', 'show', 'summary']],
    [
      'after the summary, silence for the rest of the window',
      [0, 1, 2, 3, 4, 9.9],
      ['show', 'show', 'show', 'summary', 'silent', 'silent'],
    ],
    [
      'a slot frees when the oldest leaves the window',
      [0, 1, 2, 3, 10, 10.5],
      ['show', 'show', 'show', 'summary', 'show', 'silent'],
    ],
    [
      'a new summary once the earlier one left the window',
      [0, 1, 2, 3, 10, 11.5, 12, 13],
      ['show', 'show', 'show', 'summary', 'show', 'show', 'show', 'summary'],
    ],
    ['spread out, nothing is held back', [0, 4, 8, 12, 16, 20, 24], Array(7).fill('show')],
    [
      'thirty at once: three, one summary, silence',
      Array(30).fill(0),
      ['show', 'show', 'show', 'summary', ...Array(26).fill('silent')],
    ],
  ])('%s', (_, minutes, expected) => {
    expect(run(minutes.map((m) => T0 + m * MIN))).toEqual(expected);
  });

  it('in any 10-minute window: at most 3 notifications and 1 summary, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * MIN }), { maxLength: 60 }), (offsets) => {
        const times = [...offsets].sort((a, b) => a - b).map((o) => T0 + o);
        const decisions = run(times);
        for (const start of times) {
          const inside = decisions.filter((_, i) => times[i]! >= start && times[i]! < start + CAP_WINDOW_MS);
          expect(inside.filter((d) => d === 'show').length).toBeLessThanOrEqual(CAP_COUNT);
          expect(inside.filter((d) => d === 'summary').length).toBeLessThanOrEqual(1);
        }
        // A failure past the cap is never left without any word: a summary went out in the window before it.
        decisions.forEach((d, i) => {
          if (d !== 'silent') return;
          const window = decisions.filter((_, j) => j < i && times[i]! - times[j]! < CAP_WINDOW_MS);
          expect(window).toContain('summary');
        });
      }),
    );
  });

  it('the summary counts the notifications of the window and the failure it stands for', () => {
    const state = { shown: [T0, T0 + MIN, T0 + 2 * MIN], summaryAt: null };
    expect(summaryCount(state, T0 + 3 * MIN)).toBe(4);
    expect(summaryCount(state, T0 + CAP_WINDOW_MS + 30_000)).toBe(3);
  });

  it('a clock that went back does not hold notifications back for good', () => {
    const future = { shown: [T0 + 60 * MIN, T0 + 61 * MIN, T0 + 62 * MIN], summaryAt: T0 + 63 * MIN };
    expect(admit(future, T0)).toBe('show');
  });
});
