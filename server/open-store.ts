import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgClient } from './store/pg-client.ts';
import { openPgliteClient } from './store/pglite-client.ts';
import { createReportStore, type ReportStore } from './store/report-store.ts';

/**
 * PostgreSQL when a URL is given, else embedded PGlite in `<dataDir>/pglite`.
 * `maxInFlight` is how many write batches may commit at once on that backend.
 * @example const { store } = await openStore({ dataDir: './data' });
 */
export async function openStore(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<{ store: ReportStore; backend: 'postgres' | 'pglite'; maxInFlight: number }> {
  if (options.databaseUrl) {
    const poolSize = options.poolSize ?? 10;
    const store = await createReportStore(openPgClient(options.databaseUrl, poolSize));
    // Leave connections free for lookups while batches commit.
    return { store, backend: 'postgres', maxInFlight: Math.max(1, Math.floor(poolSize / 2)) };
  }
  const dir = join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return { store: await createReportStore(await openPgliteClient(dir)), backend: 'pglite', maxInFlight: 1 };
}
