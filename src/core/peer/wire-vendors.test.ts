/**
 * The wire format keeps its own vendor and kind lists on purpose (it changes only when we mean it to), so this test is
 * what makes a new detector vendor or kind a deliberate wire change instead of a silent `unknown` on every report.
 */
import { describe, expect, it } from 'vitest';
import { DETECTION_KINDS, VENDORS } from '../detect/types.ts';
import { REPORT_KINDS, REPORT_VENDORS } from './wire.ts';

describe('wire lists keep up with the classifier', () => {
  it('every detected vendor can be reported, plus unknown', () => {
    expect([...REPORT_VENDORS].sort()).toEqual([...VENDORS, 'unknown'].sort());
  });

  it('every failure kind can be reported (never none), plus network-error', () => {
    expect([...REPORT_KINDS].sort()).toEqual([...DETECTION_KINDS.filter((k) => k !== 'none'), 'network-error'].sort());
  });
});
