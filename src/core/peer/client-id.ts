/**
 * The random id a report carries, so the server can count one report per person per site per 10 minutes without
 * knowing who anyone is. It is made fresh each UTC day, so reports from different days cannot be linked by it.
 * Storage lives in the background; this decides when the stored id is still good.
 */
import * as v from 'valibot';
import { toHex } from './host-hash.ts';
import { ClientIdSchema } from './wire.ts';

const DAY_MS = 86_400_000;
/** 16 random bytes: 128 bits, as hex (32 characters, which ClientIdSchema accepts). */
const ID_BYTES = 16;

export const StoredClientIdSchema = v.object({ id: ClientIdSchema, day: v.pipe(v.number(), v.integer()) });
export type StoredClientId = v.InferOutput<typeof StoredClientIdSchema>;

/** @example utcDay(Date.UTC(2025, 10, 18, 23, 59)) // 20410 */
export const utcDay = (now: number): number => Math.floor(now / DAY_MS);

/**
 * The id to use now: the stored one if it was made today (UTC), otherwise a new one. Anything unreadable in storage
 * counts as absent.
 * @returns the id and whether it is new (the caller then stores it).
 * @example currentClientId(stored, Date.now(), (n) => crypto.getRandomValues(new Uint8Array(n)))
 */
export function currentClientId(
  stored: unknown,
  now: number,
  randomBytes: (count: number) => Uint8Array,
): { clientId: StoredClientId; isNew: boolean } {
  const today = utcDay(now);
  const parsed = v.safeParse(StoredClientIdSchema, stored);
  if (parsed.success && parsed.output.day === today) return { clientId: parsed.output, isNew: false };
  return { clientId: { id: toHex(randomBytes(ID_BYTES)), day: today }, isNew: true };
}
