import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQuery } from './sql-client.ts';

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined = in memory, for tests.
 * PGlite runs one statement at a time; its `transaction` holds that single connection until the work is done.
 * @example const sql = await openPgliteClient('./data/pglite');
 */
export async function openPgliteClient(dataDir?: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
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
