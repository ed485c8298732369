import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQuery } from './sql-client.ts';
import { durablePgliteOptions } from './synced-node-fs.ts';

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined = in memory, for tests. On disk every commit is fsynced before it
 * returns (synced-node-fs.ts), so a 202 survives an OS crash too, not only a process kill.
 * PGlite runs one statement at a time; its `transaction` holds that single connection until the work is done.
 * @example const sql = await openPgliteClient('./data/pglite');
 * @param onSync called after each fsync (tests).
 */
export async function openPgliteClient(dataDir?: string, onSync?: () => void): Promise<SqlClient> {
  const db = await PGlite.create(dataDir === undefined ? {} : durablePgliteOptions(dataDir, onSync));
  const asQuery = (target: Pick<PGlite, 'query'>): SqlQuery => ({
    // No prepared-statement names: PGlite runs in process, so there is no round trip to save.
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(text, [...params])).rows;
    },
  });
  return {
    ...asQuery(db),
    transaction: (work) => db.transaction((tx) => work(asQuery(tx))),
    async exec(text) {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}
