/**
 * Lookups are served from an in-memory snapshot of every host active in the last hour, refreshed from the store
 * (refreshing-value.ts), so a lookup costs no query however many clients ask.
 */
import { prefixNumber } from '../src/core/peer/host-hash.ts';
import { createRefreshingValue } from './refreshing-value.ts';
import type { HostCounts } from './store/report-store.ts';

interface Snapshot {
  /** Increases with every refresh. */
  version: number;
  minute: number;
  byPrefix: Map<number, HostCounts[]>;
}

/** Every empty bucket gets this same array, so it too compares equal by identity across refreshes. */
const NO_HOSTS: HostCounts[] = Object.freeze([]) as unknown as HostCounts[];

function haveSameCounts(before: readonly HostCounts[], after: readonly HostCounts[]): boolean {
  if (before.length !== after.length) return false;
  const byHash = new Map(before.map((host) => [host.hostHash, host.series]));
  const byNetworks = new Map(before.map((host) => [host.hostHash, host.networks]));
  return after.every(({ hostHash, series, networks }) => {
    const old = byHash.get(hostHash);
    return (
      old !== undefined &&
      byNetworks.get(hostHash) === networks &&
      old.slots.length === series.slots.length &&
      old.slots.every((count, index) => count === series.slots[index]) &&
      old.dailyHour.length === series.dailyHour.length &&
      old.dailyHour.every((count, index) => count === series.dailyHour[index])
    );
  });
}

export interface PrefixSnapshot {
  /**
   * The hosts of one bucket (0..65535), the epoch minute their counts end at, and which snapshot they came from.
   * `hosts` is the same array across refreshes for as long as the bucket's counts and the minute stay the same.
   */
  hostsIn(prefix: number): Promise<{ minute: number; version: number; hosts: HostCounts[] }>;
}

/**
 * @example
 * const snapshot = createPrefixSnapshot({
 *   readActive: (m) => store.readActive(m),
 *   now: Date.now,
 *   maxAgeMs: 5000,
 *   staleLimitMs: 60_000,
 * });
 * const { hosts } = await snapshot.hostsIn(0xabcd);
 */
export function createPrefixSnapshot(options: {
  readActive: (nowMinute: number) => Promise<HostCounts[]>;
  now: () => number;
  maxAgeMs: number;
  staleLimitMs: number;
  onError?: (error: unknown) => void;
}): PrefixSnapshot {
  let loads = 0;

  async function load(previousSnapshot: Snapshot | null): Promise<Snapshot> {
    const takenAt = options.now();
    const minute = Math.floor(takenAt / 60_000);
    const byPrefix = new Map<number, HostCounts[]>();
    for (const host of await options.readActive(minute)) {
      const prefix = prefixNumber(host.hostHash);
      const hosts = byPrefix.get(prefix);
      if (hosts) hosts.push(host);
      else byPrefix.set(prefix, [host]);
    }
    // A bucket whose counts did not change keeps the previous array, so callers can tell by identity that
    // what they derived from it (the lookup's response body) is still right. Within one minute only: the
    // body carries the minute.
    const previous = previousSnapshot?.minute === minute ? previousSnapshot.byPrefix : undefined;
    if (previous) {
      for (const [prefix, hosts] of byPrefix) {
        const before = previous.get(prefix);
        if (before && haveSameCounts(before, hosts)) byPrefix.set(prefix, before);
      }
    }
    return { version: ++loads, minute, byPrefix };
  }

  const snapshots = createRefreshingValue({ ...options, load });
  return {
    async hostsIn(prefix) {
      const snapshot = await snapshots.get();
      return { minute: snapshot.minute, version: snapshot.version, hosts: snapshot.byPrefix.get(prefix) ?? NO_HOSTS };
    },
  };
}
