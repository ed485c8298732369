import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_START_TIMEOUT, postJson, reportBody } from '../../tests/support/server-app.ts';
import { createApp } from '../app.ts';
import { openPgliteClient } from './pglite-client.ts';
import { createReportStore, type ReportStore } from './report-store.ts';
import type { SqlClient } from './sql-client.ts';

describe('PGlite on disk', () => {
  let dir: string;
  let sql: SqlClient;
  let store: ReportStore;
  const events: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'culprit-fsync-'));
    sql = await openPgliteClient(dir, () => events.push('fsync'));
    store = await createReportStore(sql);
  }, PGLITE_START_TIMEOUT);
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs PostgreSQL with fsync on, flushing the WAL with fsync (fdatasync is a no-op under Emscripten)', async () => {
    expect(await sql.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
    expect(await sql.query('SHOW wal_sync_method')).toEqual([{ wal_sync_method: 'fsync' }]);
  });

  it('fsyncs a report to disk before answering 202', async () => {
    const app = createApp({ store, snapshotMaxAgeMs: 0 });
    events.length = 0;
    const response = await postJson(app, '/v1/reports', reportBody());
    events.push(`answered ${response.status}`);
    expect(events.at(-1)).toBe('answered 202');
    expect(events.slice(0, -1)).toContain('fsync');
  });

  it('does not fsync for a lookup, which writes nothing', async () => {
    const app = createApp({ store, snapshotMaxAgeMs: 0 });
    events.length = 0;
    expect((await app.request('/v1/prefix/abcd')).status).toBe(200);
    expect(events).toEqual([]);
  });
});
