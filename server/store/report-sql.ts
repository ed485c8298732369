/**
 * The report store's SQL, kept apart from the code that runs it. Plain PostgreSQL that PGlite (18) and
 * PostgreSQL ≥ 15 both accept. Parameters are listed where each statement is run (report-store.ts).
 */
import { BASELINE_DAYS, BASELINE_HALF_WINDOW, SLOT_COUNT, SLOT_MINUTES } from '../../src/core/peer/outage-rule.ts';

/** How far back the radar reads sightings; retention.ts keeps no more. */
export const RADAR_MINUTES = 60;

/**
 * One statement, so one round trip and atomic without BEGIN/COMMIT: insert-or-refresh the dedupe keys, then
 * increment buckets and record the reporting network for the reports whose key was fresh. Data-modifying CTEs always
 * run to completion.
 * Rows are ordered by key so concurrent batches from several nodes lock in the same order and cannot deadlock.
 * The prefix (first two bytes of the hash) and the dedupe expiry are derived here rather than sent: every array
 * parameter costs the client a serialisation per report (~1 µs each in profiles).
 */
export const COMMIT_SQL = `
  WITH input AS (
    SELECT decode(k, 'hex') AS key, m, decode(h, 'hex') AS h, kd, v, c, decode(n, 'hex') AS n
    FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $9::text[])
      AS t(k, m, h, kd, v, c, n)
  ), fresh AS (
    INSERT INTO report_dedupe (key, expires_minute)
    SELECT key, m + $7 FROM input ORDER BY key
    ON CONFLICT (key) DO UPDATE SET expires_minute = EXCLUDED.expires_minute
    WHERE report_dedupe.expires_minute <= $8
    RETURNING key
  ), counted AS (
    INSERT INTO report_buckets (prefix, minute, host_hash, kind, vendor, colo, count)
    SELECT get_byte(h, 0) * 256 + get_byte(h, 1), m, h, kd, v, c, count(*)::int FROM input JOIN fresh USING (key)
    GROUP BY m, h, kd, v, c ORDER BY 1, m, h, kd, v, c
    ON CONFLICT (prefix, minute, host_hash, kind, vendor, colo)
    DO UPDATE SET count = report_buckets.count + EXCLUDED.count
  ), networks AS (
    INSERT INTO report_networks (host_hash, network, minute)
    SELECT h, n, max(m) FROM input JOIN fresh USING (key) GROUP BY h, n ORDER BY h, n
    ON CONFLICT (host_hash, network) DO UPDATE SET minute = GREATEST(report_networks.minute, EXCLUDED.minute)
  ), sighted AS (
    INSERT INTO radar_sightings (minute, vendor, colo, kind, host_hash, network, count)
    SELECT m, v, c, kd, h, n, count(*)::int FROM input JOIN fresh USING (key)
    WHERE v <> 'unknown' GROUP BY m, v, c, kd, h, n ORDER BY m, v, c, kd, h, n
    ON CONFLICT (minute, vendor, colo, kind, host_hash, network)
    DO UPDATE SET count = radar_sightings.count + EXCLUDED.count
  )
  SELECT encode(key, 'hex') AS key FROM fresh`;

/** Hosts reported in the last hour ($1 = current epoch minute), with how many distinct networks reported each. */
export const NETWORKS_SQL = `
  SELECT encode(host_hash, 'hex') AS host, count(*)::int AS networks
  FROM report_networks
  WHERE minute > $1 - ${SLOT_COUNT * SLOT_MINUTES} AND minute <= $1
  GROUP BY 1`;

/** One hour of day around now, 1..7 days back: the baseline windows, as ages [1440d − 30, 1440d + 30). */
const BASELINE_WINDOWS_SQL = Array.from({ length: BASELINE_DAYS }, (_, index) => {
  const centre = (index + 1) * 1440;
  return `(minute > $1 - ${centre + BASELINE_HALF_WINDOW} AND minute <= $1 - ${centre - BASELINE_HALF_WINDOW})`;
}).join(' OR ');

/**
 * Rows of hosts active in the last hour ($1 = current epoch minute): buckets ≥ 0 are 5-minute slots, < 0 are −day.
 */
export const ACTIVE_SQL = `
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

/** The radar's last hour ($1 = current epoch minute): one row per minute, vendor, colo, kind, host and network. */
export const RADAR_SIGHTINGS_SQL = `
  SELECT minute, vendor, colo, kind, encode(host_hash, 'hex') AS host, encode(network, 'hex') AS network, count
  FROM radar_sightings
  WHERE minute > $1 - ${RADAR_MINUTES} AND minute <= $1`;

/**
 * The radar's baseline: distinct hosts failing in a way that counts for a CDN, per vendor and per (vendor, colo), in
 * the same 15 minutes of day 1..7 days back ($1 = current epoch minute). Read from report_buckets, which keeps days.
 */
export const RADAR_BASELINE_SQL = `
  SELECT vendor, colo, day, count(DISTINCT host_hash)::int AS sites
  FROM (
    SELECT vendor, colo, host_hash, ($1 - minute) / 1440 AS day
    FROM report_buckets
    WHERE kind IN ('edge-error', 'challenge-failed', 'origin-error') AND vendor <> 'unknown' AND (${Array.from(
      { length: BASELINE_DAYS },
      (_, index) => `(minute > $1 - ${(index + 1) * 1440 + 15} AND minute <= $1 - ${(index + 1) * 1440})`,
    ).join(' OR ')})
  ) AS past
  GROUP BY GROUPING SETS ((vendor, day), (vendor, colo, day))`;
