import { describe, expect, it } from 'vitest';
import { currentClientId, utcDay } from './client-id.ts';
import { ClientIdSchema } from './wire.ts';
import * as v from 'valibot';

const DAY_1 = Date.UTC(2025, 10, 18, 11, 20);
let counter = 0;
/** Distinct bytes on every call, like a real random source. */
const randomBytes = (count: number) => Uint8Array.from({ length: count }, (_, i) => (counter * 31 + i) & 255);

describe('daily client id', () => {
  it('makes a valid id when none is stored, and keeps it for the rest of the UTC day', () => {
    counter = 1;
    const first = currentClientId(undefined, DAY_1, randomBytes);
    expect(first.isNew).toBe(true);
    expect(v.is(ClientIdSchema, first.clientId.id)).toBe(true);
    expect(first.clientId.day).toBe(utcDay(DAY_1));
    counter = 2;
    const lastMinute = Date.UTC(2025, 10, 18, 23, 59, 59);
    expect(currentClientId(first.clientId, lastMinute, randomBytes)).toEqual({
      clientId: first.clientId,
      isNew: false,
    });
  });

  it('is replaced at the next UTC midnight, by a different id', () => {
    counter = 1;
    const first = currentClientId(undefined, DAY_1, randomBytes).clientId;
    counter = 2;
    const next = currentClientId(first, Date.UTC(2025, 10, 19, 0, 0), randomBytes);
    expect(next.isNew).toBe(true);
    expect(next.clientId.day).toBe(first.day + 1);
    expect(next.clientId.id).not.toBe(first.id);
  });

  it('treats unreadable storage as absent', () => {
    for (const stored of [null, 'x', { id: 'short', day: utcDay(DAY_1) }, { id: 'a'.repeat(32), day: 'today' }]) {
      expect(currentClientId(stored, DAY_1, randomBytes).isNew).toBe(true);
    }
  });

  it('a clock set back to an earlier day makes a new id rather than reusing a future one', () => {
    const future = currentClientId(undefined, DAY_1 + 86_400_000, randomBytes).clientId;
    expect(currentClientId(future, DAY_1, randomBytes).isNew).toBe(true);
  });
});
