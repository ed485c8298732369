import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EMPTY_CAP } from './cap.ts';
import { NotifyMemorySchema } from './memory.ts';

describe('stored notification memory', () => {
  it('reads the current form as it is', () => {
    const memory = { sent: { 'site:shop.example': 5 }, cap: { shown: [5], summaryAt: null } };
    expect(v.parse(NotifyMemorySchema, memory)).toEqual(memory);
  });

  it('reads the earlier form (the dedupe map alone) as that map with an empty cap', () => {
    expect(v.parse(NotifyMemorySchema, { 'host:shop.example': 5 })).toEqual({
      sent: { 'host:shop.example': 5 },
      cap: EMPTY_CAP,
    });
  });

  it.each([[null], [{ sent: {}, cap: { shown: 'x' } }], ['text']])('rejects %j (read as the fallback)', (raw) => {
    expect(v.safeParse(NotifyMemorySchema, raw).success).toBe(false);
  });
});
