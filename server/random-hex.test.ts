import { describe, expect, it } from 'vitest';
import { createRandomHex } from './random-hex.ts';

describe('createRandomHex', () => {
  it('returns the asked number of hex chars, across pool refills, without repeats', () => {
    const randomHex = createRandomHex(64);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const hex = randomHex(60);
      expect(hex).toMatch(/^[0-9a-f]{60}$/);
      seen.add(hex);
    }
    expect(seen.size).toBe(100);
    expect(randomHex(3)).toMatch(/^[0-9a-f]{3}$/);
  });
});
