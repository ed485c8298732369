/**
 * The real peer-report service in process: the Hono app with its group-commit writer, rate limiter, network keys and
 * radar, on a real PostgreSQL (PGlite, in memory). Only the clock is the replay's, and requests are handed to
 * `app.request()` instead of a socket, each carrying the simulated client's address.
 */
import { createApp } from '../../server/app.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import { createReportStore } from '../../server/store/report-store.ts';
import type { Fetch } from '../../src/core/fetch.ts';

/** The address header the replay sets on each request; only this in-process app reads it. */
const CLIENT_IP_HEADER = 'x-replay-client-ip';
export const SERVICE_ENDPOINT = 'http://radar.replay/v1';

/** @example const service = await startService(clock); await service.fetchFrom('10.0.0.7')(url, init); */
export async function startService(clock: { now: number }) {
  const store = await createReportStore(await openPgliteClient());
  // The radar refreshes in the background while serving the previous answer; closing waits for such reads to end.
  const reads = new Set<Promise<unknown>>();
  const track = <T>(read: Promise<T>): Promise<T> => {
    reads.add(read);
    return read.finally(() => reads.delete(read));
  };
  const app = createApp({
    store: { ...store, readRadar: (minute) => track(store.readRadar(minute)) },
    now: () => clock.now,
    clientIp: (c) => c.req.header(CLIENT_IP_HEADER) ?? 'unknown',
  });
  const fetchFrom =
    (ip: string): Fetch =>
    (url, init) => {
      const headers = new Headers(init.headers);
      headers.set(CLIENT_IP_HEADER, ip);
      return Promise.resolve(app.request(url, { ...init, headers }));
    };
  async function close(): Promise<void> {
    await Promise.allSettled([...reads]);
    await store.close();
  }
  return { app, store, fetchFrom, close };
}
