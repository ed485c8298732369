/**
 * Test helper: a real app over a real store (in-memory PGlite, or PostgreSQL under `npm run test:server:pg`), with a
 * controllable clock and client address. Shared by the route tests; not part of the running server.
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { createApp, type AppDeps } from '../../server/app.ts';
import { createSaltedRateLimiter } from '../../server/rate-limit.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import { createReportStore, type ReportStore } from '../../server/store/report-store.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import { openScratchDatabase } from './scratch-database.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  sql: SqlClient;
  store: ReportStore;
  clock: { now: number };
}

/**
 * How long tests should allow for starting PGlite: about 2 s alone, but well over 10 s (vitest's default hook
 * timeout) when several test files start their WASM instances at once on a busy machine.
 */
export const PGLITE_START_TIMEOUT = 60_000;

/** 2025-11-18 11:00 UTC, the morning of the Cloudflare outage. */
export const TEST_START = Date.UTC(2025, 10, 18, 11, 0);

/** Where a test app keeps its reports. */
type OpenStore = () => Promise<SqlClient>;

export async function createTestApp(
  overrides: Partial<AppDeps> = {},
  burst = 1_000_000,
  open: OpenStore = openPgliteClient,
): Promise<TestApp> {
  const sql = await open();
  const store = await createReportStore(sql);
  const clock = { now: TEST_START };
  const app = createApp({
    store,
    now: () => clock.now,
    limiter: createSaltedRateLimiter({
      capacity: burst,
      refillPerSecond: 1,
      maxKeys: 1000,
      rotateMs: 86_400_000,
      now: () => clock.now,
    }),
    clientIp: (c) => c.req.header('x-test-ip') ?? '127.0.0.1',
    snapshotMaxAgeMs: 0,
    ...overrides,
  });
  return { app, sql, store, clock };
}

/** A valid report body, with overrides. */
export function reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hostHash: `abcd${'e'.repeat(60)}`,
    kind: 'edge-error',
    vendor: 'cloudflare',
    colo: 'FRA',
    code: 500,
    clientId: 'client-0000000000000000000',
    ...overrides,
  };
}

export function postJson(app: TestApp['app'], path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every table the store writes, emptied between tests. */
export const STORE_TABLES = 'report_buckets, report_dedupe, report_networks, radar_sightings';

/**
 * One app for a test file: started before its tests, emptied and its clock reset before each, closed after.
 * @example const app = useTestApp(); it('…', async () => { await app().app.request('/v1/cdn'); });
 */
export function useTestApp(open: OpenStore = openPgliteClient): () => TestApp {
  let t: TestApp | null = null;
  beforeAll(async () => {
    t = await createTestApp({}, undefined, open);
  }, PGLITE_START_TIMEOUT);
  beforeEach(async () => {
    await t!.sql.exec(`TRUNCATE ${STORE_TABLES}`);
    t!.clock.now = TEST_START;
  });
  afterAll(async () => {
    await t?.store.close();
  });
  return () => t!;
}

const databaseUrl = process.env.DATABASE_URL;
/** The stores a route suite runs on, as the store suite does: PGlite always, PostgreSQL when DATABASE_URL is set. */
const STORES: ReadonlyArray<{ name: string; open: OpenStore | null }> = [
  { name: 'PGlite (memory)', open: openPgliteClient },
  { name: 'PostgreSQL', open: databaseUrl ? () => openScratchDatabase(databaseUrl) : null },
];

/**
 * Declares the same route tests once per store, each with its own app (useTestApp).
 * @example describeOnEachStore('GET /v1/cdn', (server) => { it('…', async () => { await server().app.request('/v1/cdn'); }); });
 */
export function describeOnEachStore(title: string, body: (server: () => TestApp) => void): void {
  for (const { name, open } of STORES) {
    const skipped = open ? '' : ' (skipped: DATABASE_URL is not set; run `npm run test:server:pg`)';
    describe.skipIf(open === null)(`${title} on ${name}${skipped}`, () => {
      // A skipped suite runs no hooks, so the stand-in is never opened.
      body(useTestApp(open ?? openPgliteClient));
    });
  }
}
