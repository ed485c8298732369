/**
 * The Internet Archive's availability API: is there a saved copy of this page? Asked only when the person clicks
 * "Open an archived copy", or when they turned `archiveLookup` on; the page URL is sent to archive.org then and only
 * then (PRIVACY.md). The answer is hostile input: validated, and only a web.archive.org address is ever opened.
 */
import * as v from 'valibot';
import type { Fetch } from '../fetch.ts';

export const WAYBACK_API = 'https://archive.org/wayback/available';
/** Long enough for archive.org on a slow day, short enough that the person is not left waiting. */
export const WAYBACK_TIMEOUT_MS = 5000;

const AvailabilitySchema = v.object({
  archived_snapshots: v.object({
    closest: v.optional(
      v.object({
        available: v.boolean(),
        url: v.pipe(v.string(), v.maxLength(2000), v.url()),
        timestamp: v.pipe(v.string(), v.regex(/^\d{14}$/)),
        status: v.optional(v.string()),
      }),
    ),
  }),
});

export interface Snapshot {
  /** https://web.archive.org/web/<timestamp>/<page> */
  url: string;
  /** When the copy was saved, epoch ms. */
  savedAt: number;
}

/**
 * @returns the closest saved copy, or null when the archive has none.
 * @throws when archive.org cannot be asked or answers something else than its availability JSON.
 * @example await findSnapshot(fetch, 'https://shop.example/', AbortSignal.timeout(WAYBACK_TIMEOUT_MS))
 */
export async function findSnapshot(
  fetch: Fetch,
  pageUrl: string,
  signal: AbortSignal,
  api = WAYBACK_API,
): Promise<Snapshot | null> {
  const response = await fetch(`${api}?url=${encodeURIComponent(pageUrl)}`, {
    signal,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`archive.org answered ${response.status}`);
  const parsed = v.safeParse(AvailabilitySchema, await response.json());
  if (!parsed.success) throw new Error('archive.org answered an unexpected shape');
  const closest = parsed.output.archived_snapshots.closest;
  if (!closest?.available) return null;
  const url = new URL(closest.url);
  if (url.hostname !== 'web.archive.org') throw new Error('archive.org pointed outside web.archive.org');
  url.protocol = 'https:';
  const t = closest.timestamp;
  const savedAt = Date.UTC(
    +t.slice(0, 4),
    +t.slice(4, 6) - 1,
    +t.slice(6, 8),
    +t.slice(8, 10),
    +t.slice(10, 12),
    +t.slice(12, 14),
  );
  return { url: url.href, savedAt };
}
