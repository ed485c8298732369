/**
 * The peer-report store: per-minute count buckets plus a short-lived dedupe table, over any SqlClient.
 */
import { BASELINE_DAYS, BASELINE_HALF_WINDOW, SLOT_COUNT, SLOT_MINUTES, type HostSeries } from '../../src/core/peer/outage-rule.ts';
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
  /** Counts for every host in a prefix bucket that has any report in the last hour or the baseline windows. */
  readPrefix(prefix: number, nowMinute: number): Promise<HostCounts[]>;
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
    readPrefix: (prefix, nowMinute) => readPrefix(sql, prefix, nowMinute),
    async deleteExpired(nowMinute, keepMinutes) {
      const buckets = await sql.query('DELETE FROM report_buckets WHERE minute < $1 RETURNING 1', [nowMinute - keepMinutes]);
      const dedupeKeys = await sql.query('DELETE FROM report_dedupe WHERE expires_minute <= $1 RETURNING 1', [nowMinute]);
      return { buckets: buckets.length, dedupeKeys: dedupeKeys.length };
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

async function commitReports(sql: SqlClient, reports: readonly BucketReport[]): Promise<boolean[]> {
  // A key twice in one statement would make ON CONFLICT fail, and the second copy is a duplicate anyway.
  const firstIndexOfKey = new Map<string, number>();
  reports.forEach((report, index) => {
    if (!firstIndexOfKey.has(report.dedupeKey)) firstIndexOfKey.set(report.dedupeKey, index);
  });
  // Sorted keys: concurrent batches on several nodes then lock rows in the same order and cannot deadlock.
  const keys = [...firstIndexOfKey.keys()].sort();
  const expiries = keys.map((key) => reports[firstIndexOfKey.get(key)!]!.minute + DEDUPE_MINUTES);
  const nowMinute = Math.max(...reports.map((report) => report.minute));

  return sql.transaction(async (tx) => {
    const fresh = await tx.query<{ key: string }>(
      `INSERT INTO report_dedupe (key, expires_minute)
       SELECT decode(k, 'hex'), e FROM unnest($1::text[], $2::int[]) AS t(k, e)
       ON CONFLICT (key) DO UPDATE SET expires_minute = EXCLUDED.expires_minute
       WHERE report_dedupe.expires_minute <= $3
       RETURNING encode(key, 'hex') AS key`,
      [keys, expiries, nowMinute],
    );
    const countedKeys = new Set(fresh.map((row) => row.key));
    const counted = reports.map((report, index) => countedKeys.has(report.dedupeKey) && firstIndexOfKey.get(report.dedupeKey) === index);
    const buckets = aggregateBuckets(reports.filter((_, index) => counted[index]));
    if (buckets.length > 0) {
      await tx.query(
        `INSERT INTO report_buckets (prefix, minute, host_hash, kind, vendor, colo, count)
         SELECT p, m, decode(h, 'hex'), k, v, c, n
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS t(p, m, h, k, v, c, n)
         ON CONFLICT (prefix, minute, host_hash, kind, vendor, colo)
         DO UPDATE SET count = report_buckets.count + EXCLUDED.count`,
        [
          buckets.map((bucket) => Number.parseInt(bucket.report.hostHash.slice(0, 4), 16)),
          buckets.map((bucket) => bucket.report.minute),
          buckets.map((bucket) => bucket.report.hostHash),
          buckets.map((bucket) => bucket.report.kind),
          buckets.map((bucket) => bucket.report.vendor),
          buckets.map((bucket) => bucket.report.colo),
          buckets.map((bucket) => bucket.count),
        ],
      );
    }
    return counted;
  });
}

function aggregateBuckets(reports: readonly BucketReport[]): Array<{ report: BucketReport; count: number }> {
  const byKey = new Map<string, { report: BucketReport; count: number }>();
  for (const report of reports) {
    // Same column order as the primary key, so sorting the map keys sorts like the index (deadlock-free, see above).
    const key = [report.hostHash.slice(0, 4), String(report.minute).padStart(10, '0'), report.hostHash, report.kind, report.vendor, report.colo].join('|');
    const bucket = byKey.get(key);
    if (bucket) bucket.count++;
    else byKey.set(key, { report, count: 1 });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, bucket]) => bucket);
}

/** Age ranges [from, to) in minutes that the outage rule reads: the last hour, then one hour around now on each past day. */
function windowsOfInterest(): Array<[number, number]> {
  const windows: Array<[number, number]> = [[0, SLOT_COUNT * SLOT_MINUTES]];
  for (let day = 1; day <= BASELINE_DAYS; day++) {
    windows.push([day * 1440 - BASELINE_HALF_WINDOW, day * 1440 + BASELINE_HALF_WINDOW]);
  }
  return windows;
}

const PREFIX_SQL = `
  SELECT encode(host_hash, 'hex') AS host,
         CASE WHEN $2 - minute < ${SLOT_COUNT * SLOT_MINUTES} THEN ($2 - minute) / ${SLOT_MINUTES}
              ELSE -(($2 - minute + ${BASELINE_HALF_WINDOW}) / 1440) END AS bucket,
         sum(count)::int AS reports
  FROM report_buckets
  WHERE prefix = $1 AND (${windowsOfInterest()
    .map(([from, to]) => `(minute > $2 - ${to} AND minute <= $2 - ${from})`)
    .join(' OR ')})
  GROUP BY 1, 2`;

async function readPrefix(sql: SqlClient, prefix: number, nowMinute: number): Promise<HostCounts[]> {
  const rows = await sql.query<{ host: string; bucket: number; reports: number }>(PREFIX_SQL, [prefix, nowMinute]);
  const hosts = new Map<string, { slots: number[]; dailyHour: number[] }>();
  for (const row of rows) {
    let series = hosts.get(row.host);
    if (!series) {
      series = { slots: new Array<number>(SLOT_COUNT).fill(0), dailyHour: new Array<number>(BASELINE_DAYS).fill(0) };
      hosts.set(row.host, series);
    }
    // Non-negative buckets are 5-minute slots, negative ones are -day.
    if (row.bucket >= 0) series.slots[row.bucket] = row.reports;
    else series.dailyHour[-row.bucket - 1] = row.reports;
  }
  return [...hosts.entries()].map(([hostHash, series]) => ({ hostHash, series }));
}
