import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgClient } from './store/pg-client.ts';
import { openPgliteClient } from './store/pglite-client.ts';
import { createReportStore, type ReportStore } from './store/report-store.ts';
import type { SqlClient } from './store/sql-client.ts';

/**
 * PostgreSQL when a URL is given, else embedded PGlite in `<dataDir>/pglite`.
 * `maxInFlight` is how many write batches may commit at once on that backend; `sql` is for tools (benchmark seeding).
 * @example const { store } = await openStore({ dataDir: './data' });
 */
export async function openStore(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Write batches committing at once on PostgreSQL (PGlite: always 1). Default 1: see docs/server.md. */
  maxInFlight?: number;
}): Promise<{ store: ReportStore; sql: SqlClient; backend: 'postgres' | 'pglite'; maxInFlight: number }> {
  if (options.databaseUrl) {
    const poolSize = options.poolSize ?? 10;
    const sql = openPgClient(options.databaseUrl, poolSize);
    // With group commit, one batch in flight is as fast as 2 or 5 on one node (the batch grows instead);
    // capped below the pool size so connections stay free for the snapshot query.
    const maxInFlight = Math.max(1, Math.min(options.maxInFlight ?? 1, poolSize - 1));
    return { store: await createReportStore(sql), sql, backend: 'postgres', maxInFlight };
  }
  const dir = join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const sql = await openPgliteClient(dir);
  return { store: await createReportStore(sql), sql, backend: 'pglite', maxInFlight: 1 };
}
