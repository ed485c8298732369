import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPgClient } from './pg-client.ts';
import { PGLITE_START_TIMEOUT, STORE_TABLES } from '../../tests/support/server-app.ts';
import { openPgliteClient } from './pglite-client.ts';
import { createReportStore, DEDUPE_MINUTES, type BucketReport, type ReportStore } from './report-store.ts';
import type { SqlClient } from './sql-client.ts';
import { prefixNumber } from '../../src/core/peer/host-hash.ts';

const NOW = 29_000_000; // an epoch minute in 2025
const HOST_A = `abcd${'1'.repeat(60)}`;
const HOST_B = `abcd${'2'.repeat(60)}`;
const HOST_OTHER = `abce${'3'.repeat(60)}`;

let keySeq = 0;
function report(overrides: Partial<BucketReport> = {}): BucketReport {
  keySeq++;
  return {
    hostHash: HOST_A,
    kind: 'edge-error',
    vendor: 'cloudflare',
    colo: 'FRA',
    minute: NOW,
    dedupeKey: keySeq.toString(16).padStart(32, '0'),
    networkKey: '00000000000000aa',
    ...overrides,
  };
}

/** The same suite on every backend: PGlite in memory always, PostgreSQL when DATABASE_URL is set. */
function describeStore(name: string, open: () => Promise<SqlClient>, skipReason?: string): void {
  const title = `ReportStore on ${name}${skipReason ? ` (skipped: ${skipReason})` : ''}`;
  describe.skipIf(skipReason !== undefined)(title, () => {
    let sql: SqlClient;
    let store: ReportStore;
    beforeAll(async () => {
      sql = await open();
      store = await createReportStore(sql);
    }, PGLITE_START_TIMEOUT);
    beforeEach(async () => {
      await sql.exec(`TRUNCATE ${STORE_TABLES}`);
    });
    afterAll(async () => {
      await store.close();
    });

    it('migrates idempotently', async () => {
      await createReportStore(sql);
      const rows = await sql.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows.map((row) => row.version)).toEqual([1, 2, 3]);
    });

    it('increments one bucket per (host, minute, kind, vendor, colo)', async () => {
      expect(await store.commitReports([report(), report(), report({ colo: '' })])).toEqual([true, true, true]);
      await store.commitReports([report()]);
      const rows = await sql.query<{ colo: string; count: number }>(
        'SELECT colo, count FROM report_buckets ORDER BY colo',
      );
      expect(rows).toEqual([
        { colo: '', count: 1 },
        { colo: 'FRA', count: 3 },
      ]);
    });

    it('counts a client once per host per 10 minutes, within and across batches', async () => {
      const first = report();
      const again = { ...first };
      expect(await store.commitReports([first, again])).toEqual([true, false]);
      expect(await store.commitReports([{ ...first, minute: NOW + DEDUPE_MINUTES - 1 }])).toEqual([false]);
      expect(await store.commitReports([{ ...first, minute: NOW + DEDUPE_MINUTES }])).toEqual([true]);
      const [row] = await sql.query<{ total: number }>('SELECT sum(count)::int AS total FROM report_buckets');
      expect(row?.total).toBe(2);
    });

    it('derives the prefix column from the host hash as the lookup path numbers it', async () => {
      await store.commitReports([
        report(),
        report({ hostHash: HOST_OTHER }),
        report({ hostHash: `ffff${'0'.repeat(60)}` }),
      ]);
      const rows = await sql.query<{ host: string; prefix: number }>(
        "SELECT encode(host_hash, 'hex') AS host, prefix FROM report_buckets ORDER BY prefix",
      );
      expect(rows.map((row) => [row.host.slice(0, 4), row.prefix])).toEqual(
        [HOST_A, HOST_OTHER, `ffff${'0'.repeat(60)}`].map((host) => [host.slice(0, 4), prefixNumber(host)]),
      );
    });

    it('stores no client id, only the 16-byte dedupe hash', async () => {
      await store.commitReports([report()]);
      const [row] = await sql.query<{ bytes: number }>('SELECT octet_length(key) AS bytes FROM report_dedupe');
      expect(row?.bytes).toBe(16);
    });

    it('reads active hosts as 5-minute slots and same-hour daily windows', async () => {
      await store.commitReports([
        report(),
        report({ minute: NOW - 4 }),
        report({ minute: NOW - 5 }),
        report({ minute: NOW - 59 }),
        report({ minute: NOW - 60 }), // outside the hour and every baseline window: ignored
        report({ minute: NOW + 1 }), // from a node whose clock runs ahead: not yet
        report({ minute: NOW - 1440 + 29 }),
        report({ minute: NOW - 1440 - 30 }), // first minute outside the day-1 window
        report({ minute: NOW - 7 * 1440 }),
        report({ minute: NOW - 8 * 1440 }), // beyond the baseline
        report({ hostHash: HOST_B, kind: 'blocked', minute: NOW - 1440 }), // baseline only: not active
        report({ hostHash: HOST_OTHER, minute: NOW - 30 }),
      ]);
      const hosts = await store.readActive(NOW);
      const byHost = new Map(hosts.map((host) => [host.hostHash, host.series]));
      expect([...byHost.keys()].sort()).toEqual([HOST_A, HOST_OTHER]);
      expect(byHost.get(HOST_A)).toEqual({
        slots: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        dailyHour: [1, 0, 0, 0, 0, 0, 1],
      });
      expect(byHost.get(HOST_OTHER)?.slots[6]).toBe(1);
      expect(await store.readActive(NOW + 120)).toEqual([]);
    });

    it('counts the distinct networks that reported a host in the last hour, however many reports each sent', async () => {
      const network = (n: number) => n.toString(16).padStart(16, '0');
      await store.commitReports([
        ...Array.from({ length: 30 }, () => report({ hostHash: HOST_B, networkKey: network(1) })),
        ...Array.from({ length: 5 }, (_, n) => report({ networkKey: network(n + 1), minute: NOW - n })),
        report({ networkKey: network(9), minute: NOW - 60 }), // an hour old: no longer counts
      ]);
      await store.commitReports([report({ networkKey: network(1) })]); // a network seen again is still one
      const networks = new Map((await store.readActive(NOW)).map((host) => [host.hostHash, host.networks]));
      expect(networks.get(HOST_A)).toBe(5);
      expect(networks.get(HOST_B)).toBe(1);
      await store.deleteExpired(NOW + 60, 8 * 1440);
      const [row] = await sql.query<{ total: number }>('SELECT count(*)::int AS total FROM report_networks');
      expect(row?.total).toBe(0);
    });

    it('deletes old buckets and expired dedupe keys only', async () => {
      await store.commitReports([report({ minute: NOW - 9 * 1440 }), report({ minute: NOW - 100 }), report()]);
      const deleted = await store.deleteExpired(NOW, 8 * 1440);
      expect(deleted).toEqual({ buckets: 1, dedupeKeys: 2 });
      const [row] = await sql.query<{ total: number }>('SELECT count(*)::int AS total FROM report_buckets');
      expect(row?.total).toBe(2);
    });

    it('commits concurrent batches without losing increments', async () => {
      const batches = Array.from({ length: 8 }, () => Array.from({ length: 25 }, () => report({ hostHash: HOST_B })));
      await Promise.all(batches.map((batch) => store.commitReports(batch)));
      const [row] = await sql.query<{ total: number }>('SELECT sum(count)::int AS total FROM report_buckets');
      expect(row?.total).toBe(200);
    });

    it('keeps radar sightings per minute, vendor, colo, kind, host and network, and never for unknown vendors', async () => {
      await store.commitReports([
        report(),
        report(),
        report({ networkKey: '00000000000000bb' }),
        report({ hostHash: HOST_B, kind: 'origin-error', colo: '' }),
        report({ hostHash: HOST_OTHER, vendor: 'unknown' }),
      ]);
      const { sightings } = await store.readRadar(NOW);
      const rows = sightings.map((s) => [s.hostHash.slice(4, 5), s.kind, s.colo, s.network.slice(-2), s.reports]);
      expect(rows.sort()).toEqual([
        ['1', 'edge-error', 'FRA', 'aa', 2],
        ['1', 'edge-error', 'FRA', 'bb', 1],
        ['2', 'origin-error', '', 'aa', 1],
      ]);
      expect((await store.readRadar(NOW + 60)).sightings).toEqual([]);
    });

    it('reads the radar baseline per vendor and per colo, in the same 15 minutes of each past day', async () => {
      const dayAgo = (days: number, minutes = 0) => NOW - days * 1440 - minutes;
      await store.commitReports([
        report({ minute: dayAgo(1) }),
        report({ minute: dayAgo(1, 14), hostHash: HOST_B, colo: 'ICN' }),
        report({ minute: dayAgo(1, 15), hostHash: HOST_OTHER }),
        report({ minute: dayAgo(2, 3), kind: 'blocked' }),
        report({ minute: dayAgo(3, 3) }),
      ]);
      const { baseline } = await store.readRadar(NOW);
      const rows = baseline.map((row) => [row.day, row.colo ?? '*', row.sites]);
      expect(rows.sort()).toEqual([
        [1, '*', 2],
        [1, 'FRA', 1],
        [1, 'ICN', 1],
        [3, '*', 1],
        [3, 'FRA', 1],
      ]);
    });

    it('deletes sightings once they are an hour old', async () => {
      await store.commitReports([report({ minute: NOW - 60 }), report({ minute: NOW - 59 })]);
      await store.deleteExpired(NOW, 8 * 1440);
      const rows = await sql.query<{ minute: number }>('SELECT minute FROM radar_sightings');
      expect(rows).toEqual([{ minute: NOW - 59 }]);
    });

    it('reports reachability', async () => {
      expect(await store.isReachable()).toBe(true);
    });
  });
}

describeStore('PGlite (memory)', () => openPgliteClient());

const databaseUrl = process.env.DATABASE_URL;
describeStore(
  'PostgreSQL',
  async () => openPgClient(databaseUrl ?? ''),
  databaseUrl ? undefined : 'DATABASE_URL is not set; run `npm run test:server:pg`',
);
