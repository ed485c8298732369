import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgClient } from './store/pg-client.ts';
import { openPgliteClient } from './store/pglite-client.ts';
import { createReportStore, type ReportStore } from './store/report-store.ts';
import type { SqlClient } from './store/sql-client.ts';

export interface OpenedStore {
  store: ReportStore;
  /** For tools (benchmark seeding). */
  sql: SqlClient;
  backend: 'postgres' | 'pglite';
  /** How many write batches may commit at once on this backend. */
  maxInFlight: number;
  /** Whether a commit runs in another process (PostgreSQL) or on this thread (PGlite): see BatchWriterOptions. */
  isCommitOffThread: boolean;
}

/**
 * PostgreSQL when a URL is given, else embedded PGlite in `<dataDir>/pglite`.
 * @example const { store } = await openStore({ dataDir: './data' });
 */
export async function openStore(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Write batches committing at once on PostgreSQL (PGlite: always 1). Default 1: see docs/server.md. */
  maxInFlight?: number;
}): Promise<OpenedStore> {
  if (options.databaseUrl) {
    const poolSize = options.poolSize ?? 10;
    const sql = openPgClient(options.databaseUrl, poolSize);
    // Group commit with one batch in flight measured as fast as 2 or 5 on one node (the batch grows instead);
    // capped below the pool size so connections stay free for the snapshot query.
    const maxInFlight = Math.max(1, Math.min(options.maxInFlight ?? 1, poolSize - 1));
    return { store: await createReportStore(sql), sql, backend: 'postgres', maxInFlight, isCommitOffThread: true };
  }
  const dir = join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const sql = await openPgliteClient(dir);
  return { store: await createReportStore(sql), sql, backend: 'pglite', maxInFlight: 1, isCommitOffThread: false };
}
