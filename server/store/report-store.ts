/**
 * The peer-report store: per-minute count buckets plus a short-lived dedupe table, over any SqlClient.
 */
import { BASELINE_DAYS, BASELINE_HALF_WINDOW, SLOT_COUNT, SLOT_MINUTES, type HostSeries } from '../../src/core/peer/outage-rule.ts';
import { prefixNumber } from '../../src/core/peer/host-hash.ts';
import type { ReportKind, ReportVendor } from '../../src/core/peer/wire.ts';
import { migrate } from './migrations.ts';
import type { SqlClient } from './sql-client.ts';

/** A validated report reduced to what is stored. */
export interface BucketReport {
  hostHash: string;
  kind: ReportKind;
  vendor: ReportVendor;
  /** '' when the reporter saw no edge location. */
  colo: string;
  /** Epoch minute the report arrived in. */
  minute: number;
  /** Hex hash of clientId + host (see server/report-key.ts); the clientId itself never reaches the store. */
  dedupeKey: string;
}

export interface HostCounts {
  hostHash: string;
  series: HostSeries;
}

export interface ReportStore {
  /** Commits reports in one transaction; returns, per report, whether it was counted (false = duplicate). */
  commitReports(reports: readonly BucketReport[]): Promise<boolean[]>;
  /** Every host with a report in the last hour, with its 5-minute slots and same-hour baseline of past days. */
  readActive(nowMinute: number): Promise<HostCounts[]>;
  /** Deletes buckets older than `keepMinutes` and expired dedupe keys. */
  deleteExpired(nowMinute: number, keepMinutes: number): Promise<{ buckets: number; dedupeKeys: number }>;
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

/** One report per client per host per this many minutes. */
export const DEDUPE_MINUTES = 10;

/**
 * Migrates, then returns the store.
 * @example const store = await createReportStore(await openPgliteClient());
 */
export async function createReportStore(sql: SqlClient): Promise<ReportStore> {
  await migrate(sql);
  return {
    commitReports: (reports) => commitReports(sql, reports),
    readActive: (nowMinute) => readActive(sql, nowMinute),
    async deleteExpired(nowMinute, keepMinutes) {
      const [buckets] = await sql.query<{ n: number }>(
        'WITH gone AS (DELETE FROM report_buckets WHERE minute < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
        [nowMinute - keepMinutes],
      );
      const [dedupeKeys] = await sql.query<{ n: number }>(
        'WITH gone AS (DELETE FROM report_dedupe WHERE expires_minute <= $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
        [nowMinute],
      );
      // PGlite runs no autovacuum, so without this the deleted rows would never be reused. Harmless on PostgreSQL.
      await sql.exec('VACUUM (ANALYZE) report_buckets, report_dedupe');
      return { buckets: buckets?.n ?? 0, dedupeKeys: dedupeKeys?.n ?? 0 };
    },
    async isReachable() {
      try {
        await sql.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => sql.close(),
  };
}

/**
 * One statement, so one round trip and atomic without BEGIN/COMMIT: insert-or-refresh the dedupe keys, then
 * increment buckets for the reports whose key was fresh. Data-modifying CTEs always run to completion.
 * Rows are ordered by key so concurrent batches from several nodes lock in the same order and cannot deadlock.
 */
const COMMIT_SQL = `
  WITH input AS (
    SELECT decode(k, 'hex') AS key, e, p, m, decode(h, 'hex') AS h, kd, v, c
    FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
      AS t(k, e, p, m, h, kd, v, c)
  ), fresh AS (
    INSERT INTO report_dedupe (key, expires_minute)
    SELECT key, e FROM input ORDER BY key
    ON CONFLICT (key) DO UPDATE SET expires_minute = EXCLUDED.expires_minute
    WHERE report_dedupe.expires_minute <= $9
    RETURNING key
  ), counted AS (
    INSERT INTO report_buckets (prefix, minute, host_hash, kind, vendor, colo, count)
    SELECT p, m, h, kd, v, c, count(*)::int FROM input JOIN fresh USING (key)
    GROUP BY p, m, h, kd, v, c ORDER BY p, m, h, kd, v, c
    ON CONFLICT (prefix, minute, host_hash, kind, vendor, colo)
    DO UPDATE SET count = report_buckets.count + EXCLUDED.count
  )
  SELECT encode(key, 'hex') AS key FROM fresh`;

async function commitReports(sql: SqlClient, reports: readonly BucketReport[]): Promise<boolean[]> {
  // A key twice in one statement would make ON CONFLICT fail, and the second copy is a duplicate anyway.
  const firstIndexOfKey = new Map<string, number>();
  reports.forEach((report, index) => {
    if (!firstIndexOfKey.has(report.dedupeKey)) firstIndexOfKey.set(report.dedupeKey, index);
  });
  const unique = [...firstIndexOfKey.values()].map((index) => reports[index]!);
  const nowMinute = Math.max(...reports.map((report) => report.minute));
  const fresh = await sql.query<{ key: string }>(COMMIT_SQL, [
    unique.map((report) => report.dedupeKey),
    unique.map((report) => report.minute + DEDUPE_MINUTES),
    unique.map((report) => prefixNumber(report.hostHash)),
    unique.map((report) => report.minute),
    unique.map((report) => report.hostHash),
    unique.map((report) => report.kind),
    unique.map((report) => report.vendor),
    unique.map((report) => report.colo),
    nowMinute,
  ]);
  const countedKeys = new Set(fresh.map((row) => row.key));
  return reports.map((report, index) => countedKeys.has(report.dedupeKey) && firstIndexOfKey.get(report.dedupeKey) === index);
}

/** One hour of day around now, 1..7 days back: the baseline windows, as ages [1440d − 30, 1440d + 30). */
const BASELINE_WINDOWS_SQL = Array.from({ length: BASELINE_DAYS }, (_, index) => {
  const centre = (index + 1) * 1440;
  return `(minute > $1 - ${centre + BASELINE_HALF_WINDOW} AND minute <= $1 - ${centre - BASELINE_HALF_WINDOW})`;
}).join(' OR ');

/** Rows of hosts active in the last hour: non-negative buckets are 5-minute slots, negative ones are −day. */
const ACTIVE_SQL = `
  WITH recent AS (
    SELECT host_hash, ($1 - minute) / ${SLOT_MINUTES} AS bucket, count
    FROM report_buckets
    WHERE minute > $1 - ${SLOT_COUNT * SLOT_MINUTES} AND minute <= $1
  ), active AS (
    SELECT DISTINCT host_hash FROM recent
  ), baseline AS (
    SELECT host_hash, -(($1 - minute + ${BASELINE_HALF_WINDOW}) / 1440) AS bucket, count
    FROM report_buckets JOIN active USING (host_hash)
    WHERE ${BASELINE_WINDOWS_SQL}
  )
  SELECT encode(host_hash, 'hex') AS host, bucket, sum(count)::int AS reports
  FROM (SELECT * FROM recent UNION ALL SELECT * FROM baseline) AS rows
  GROUP BY 1, 2`;

/**
 * Hosts with a report in the last hour, with their slots and baseline, in one round trip. It selects by minute
 * (report_buckets_minute), so the cost follows the last hour's and the baseline windows' rows, not the table.
 */
async function readActive(sql: SqlClient, nowMinute: number): Promise<HostCounts[]> {
  const rows = await sql.query<{ host: string; bucket: number; reports: number }>(ACTIVE_SQL, [nowMinute]);
  const hosts = new Map<string, { slots: number[]; dailyHour: number[] }>();
  for (const row of rows) {
    let series = hosts.get(row.host);
    if (!series) {
      series = { slots: new Array<number>(SLOT_COUNT).fill(0), dailyHour: new Array<number>(BASELINE_DAYS).fill(0) };
      hosts.set(row.host, series);
    }
    if (row.bucket >= 0) series.slots[row.bucket] = row.reports;
    else series.dailyHour[-row.bucket - 1] = row.reports;
  }
  return [...hosts.entries()].map(([hostHash, series]) => ({ hostHash, series }));
}
