/**
 * Test helper: a PostgreSQL database of one test file's own, created next to the one DATABASE_URL names and dropped
 * when its client closes. Test files run in parallel and empty the store's tables before each test, so on one shared
 * database one file's TRUNCATE would wipe another file's rows mid-test.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgClient } from '../../server/store/pg-client.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';

/** @example const sql = await openScratchDatabase(process.env.DATABASE_URL!); … await sql.close(); // dropped */
export async function openScratchDatabase(databaseUrl: string): Promise<SqlClient> {
  const name = `culprit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const sql = openPgClient(url.toString());
  return {
    ...sql,
    async close() {
      await sql.close();
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      } finally {
        await dropper.end();
      }
    },
  };
}
