import { describe, expect, it } from 'vitest';
import { sparkPoints } from './sparkline.ts';

describe('sparkPoints', () => {
  it('scales the series to its own peak, inside the box', () => {
    expect(sparkPoints([0, 2, 4], 120, 24)).toBe('0,23 60,12 120,1');
  });

  it('draws a quiet hour as a flat line on the floor, not as a division by zero', () => {
    expect(sparkPoints([0, 0, 0], 120, 24)).toBe('0,23 60,23 120,23');
  });
});
