import pg from 'pg';
import type { SqlClient, SqlQuery } from './sql-client.ts';

/**
 * PostgreSQL through a `pg` pool.
 * @example const sql = openPgClient('postgres://culprit@127.0.0.1:5432/culprit');
 */
export function openPgClient(connectionString: string, maxConnections = 10): SqlClient {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const asQuery = (target: pg.Pool | pg.PoolClient): SqlQuery => ({
    async query<Row>(text: string, params: readonly unknown[] = [], name?: string) {
      const values = [...params];
      const result = await target.query(name === undefined ? { text, values } : { name, text, values });
      return result.rows as Row[];
    },
  });
  return {
    ...asQuery(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQuery(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}
