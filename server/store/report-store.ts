/**
 * The peer-report store: per-minute count buckets plus a short-lived dedupe table, over any SqlClient.
 */
import { BASELINE_DAYS, SLOT_COUNT, SLOT_MINUTES, type HostSeries } from '../../src/core/peer/outage-rule.ts';
import type { ReportKind, ReportVendor } from '../../src/core/peer/wire.ts';
import type { Sighting } from '../../src/core/radar/breadth.ts';
import type { BaselineRow } from '../../src/core/radar/radar-view.ts';
import { migrate } from './migrations.ts';
import {
  ACTIVE_SQL,
  COMMIT_SQL,
  NETWORKS_SQL,
  RADAR_BASELINE_SQL,
  RADAR_MINUTES,
  RADAR_SIGHTINGS_SQL,
} from './report-sql.ts';
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
  /** Hex hash of clientId + host (app.ts's dedupeKey); the clientId itself never reaches the store. */
  dedupeKey: string;
  /** 16 hex chars: salted hash of the reporter's network (network-key.ts); never the address itself. */
  networkKey: string;
}

export interface HostCounts {
  hostHash: string;
  series: HostSeries;
  /** Distinct client networks that reported the host in the last hour. */
  networks: number;
}

export interface ReportStore {
  /** Commits reports in one transaction; returns, per report, whether it was counted (false = duplicate). */
  commitReports(reports: readonly BucketReport[]): Promise<boolean[]>;
  /** Every host with a report in the last hour, with its 5-minute slots and same-hour baseline of past days. */
  readActive(nowMinute: number): Promise<HostCounts[]>;
  /** The CDN radar's last hour of sightings and its time-of-day baseline (src/core/radar/radar-view.ts). */
  readRadar(nowMinute: number): Promise<{ sightings: Sighting[]; baseline: BaselineRow[] }>;
  /** Deletes buckets older than `keepMinutes`, expired dedupe keys, and networks and sightings past the hour. */
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
    readRadar: (nowMinute) => readRadar(sql, nowMinute),
    async deleteExpired(nowMinute, keepMinutes) {
      const [buckets] = await sql.query<{ n: number }>(
        'WITH gone AS (DELETE FROM report_buckets WHERE minute < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
        [nowMinute - keepMinutes],
      );
      await sql.query('DELETE FROM report_networks WHERE minute <= $1', [nowMinute - SLOT_COUNT * SLOT_MINUTES]);
      await sql.query('DELETE FROM radar_sightings WHERE minute <= $1', [nowMinute - RADAR_MINUTES]);
      const [dedupeKeys] = await sql.query<{ n: number }>(
        `WITH gone AS (DELETE FROM report_dedupe WHERE expires_minute <= $1 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [nowMinute],
      );
      // PGlite runs no autovacuum, so without this the deleted rows would never be reused. Harmless on PostgreSQL.
      await sql.exec('VACUUM (ANALYZE) report_buckets, report_dedupe, report_networks, radar_sightings');
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

async function commitReports(sql: SqlClient, reports: readonly BucketReport[]): Promise<boolean[]> {
  // A key twice in one statement would make ON CONFLICT fail, and the second copy is a duplicate anyway.
  const firstIndexOfKey = new Map<string, number>();
  reports.forEach((report, index) => {
    if (!firstIndexOfKey.has(report.dedupeKey)) firstIndexOfKey.set(report.dedupeKey, index);
  });
  const unique = [...firstIndexOfKey.values()].map((index) => reports[index]!);
  const nowMinute = Math.max(...reports.map((report) => report.minute));
  // Prepared: parsing and planning this CTE was ~0.3 of a ~1.5 ms commit of 30 reports on PostgreSQL.
  const fresh = await sql.query<{ key: string }>(
    COMMIT_SQL,
    [
      unique.map((report) => report.dedupeKey),
      unique.map((report) => report.minute),
      unique.map((report) => report.hostHash),
      unique.map((report) => report.kind),
      unique.map((report) => report.vendor),
      unique.map((report) => report.colo),
      DEDUPE_MINUTES,
      nowMinute,
      unique.map((report) => report.networkKey),
    ],
    'culprit_commit_reports',
  );
  const countedKeys = new Set(fresh.map((row) => row.key));
  return reports.map(
    (report, index) => countedKeys.has(report.dedupeKey) && firstIndexOfKey.get(report.dedupeKey) === index,
  );
}

/**
 * Hosts with a report in the last hour, with their slots and baseline in one round trip and their reporting networks
 * in a second. Both select by minute (the minute indexes), so the cost follows the last hour's and the baseline
 * windows' rows, not the table.
 */
async function readActive(sql: SqlClient, nowMinute: number): Promise<HostCounts[]> {
  const rows = await sql.query<{ host: string; bucket: number; reports: number }>(ACTIVE_SQL, [nowMinute]);
  const networkRows = await sql.query<{ host: string; networks: number }>(NETWORKS_SQL, [nowMinute]);
  const networksOf = new Map(networkRows.map((row) => [row.host, row.networks]));
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
  return [...hosts.entries()].map(([hostHash, series]) => ({
    hostHash,
    series,
    networks: networksOf.get(hostHash) ?? 0,
  }));
}

async function readRadar(sql: SqlClient, nowMinute: number) {
  const rows = await sql.query<Omit<Sighting, 'hostHash' | 'reports'> & { host: string; count: number }>(
    RADAR_SIGHTINGS_SQL,
    [nowMinute],
  );
  const baseline = await sql.query<BaselineRow>(RADAR_BASELINE_SQL, [nowMinute]);
  const sightings = rows.map(({ host, count, ...row }): Sighting => ({ ...row, hostHash: host, reports: count }));
  return { sightings, baseline };
}
