/**
 * The one set of migrations, run unchanged on PGlite (PostgreSQL 18 in WASM) and PostgreSQL ≥ 15.
 * Append only: never edit a shipped migration, add the next version.
 */
import type { SqlClient } from './sql-client.ts';

const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    // prefix (first 2 bytes of host_hash as 0..65535) leads the key, so one bucket's rows sit together.
    // The minute index serves the snapshot (last hour + baseline windows) and retention. It is a b-tree, not BRIN:
    // BRIN's newest ranges stay unsummarised until VACUUM, and PGlite has no autovacuum, so every query would scan
    // the whole table (275 ms at 10^6 buckets against a few ms).
    // report_dedupe is UNLOGGED: its rows live 10 minutes and losing them in a crash or failover only lets a
    // client count twice, so they need not pay for WAL on every report.
    sql: `
      CREATE TABLE report_buckets (
        prefix integer NOT NULL,
        minute integer NOT NULL,
        host_hash bytea NOT NULL,
        kind text NOT NULL,
        vendor text NOT NULL,
        colo text NOT NULL DEFAULT '',
        count integer NOT NULL,
        PRIMARY KEY (prefix, minute, host_hash, kind, vendor, colo)
      );
      CREATE INDEX report_buckets_minute ON report_buckets (minute);
      CREATE UNLOGGED TABLE report_dedupe (
        key bytea PRIMARY KEY,
        expires_minute integer NOT NULL
      );
    `,
  },
  {
    version: 2,
    // The distinct client networks (salted, truncated keys of an IPv4 /24 or IPv6 /56, server/network-key.ts) that
    // reported each host, with the last minute each did: the prefix answer ranks hosts by how many networks
    // reported them in the last hour, so one network cannot push real outages out with fakes. UNLOGGED like the
    // dedupe table: rows matter for an hour, and losing them in a crash only ranks by counts until they refill.
    sql: `
      CREATE UNLOGGED TABLE report_networks (
        host_hash bytea NOT NULL,
        network bytea NOT NULL,
        minute integer NOT NULL,
        PRIMARY KEY (host_hash, network)
      );
      CREATE INDEX report_networks_minute ON report_networks (minute);
    `,
  },
  {
    version: 3,
    // The CDN radar's raw material: per minute, which (vendor, colo, kind) each host hash was reported with, and from
    // which salted network, so breadth can be counted per site and capped per network (src/core/radar/breadth.ts).
    // Rows matter for an hour (retention.ts deletes older ones); UNLOGGED like the networks, since a crash only
    // empties the radar until reports refill it, and the counts that back a 202 stay in report_buckets.
    sql: `
      CREATE UNLOGGED TABLE radar_sightings (
        minute integer NOT NULL,
        vendor text NOT NULL,
        colo text NOT NULL,
        kind text NOT NULL,
        host_hash bytea NOT NULL,
        network bytea NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (minute, vendor, colo, kind, host_hash, network)
      );
    `,
  },
];

/** Arbitrary constant: serialises concurrent migrators (several nodes starting at once). */
const MIGRATION_LOCK = 7_415_963;

/**
 * Brings the schema up to date; safe to call from several processes at once.
 * @example await migrate(sql);
 */
export async function migrate(sql: SqlClient): Promise<number> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    let count = 0;
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      count++;
    }
    return count;
  });
}

/**
 * Migrations hold no literals with semicolons, so a plain split is enough (and lets them run inside the transaction).
 */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
