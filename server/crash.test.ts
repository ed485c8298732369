/**
 * Crash safety end to end: the real server process under load is killed with SIGKILL, restarted on the same data,
 * and every report that got a 202 must be counted. Then the same with SIGTERM, which must drain and exit 0.
 * Runs on PGlite (temp DATA_DIR) always, and on PostgreSQL (a database of its own) when DATABASE_URL is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrefixData } from '../src/core/peer/wire.ts';

const HOSTS = Array.from({ length: 8 }, (_, index) => `${(index + 1).toString(16).padStart(4, '0')}${'c'.repeat(60)}`);
const SENDERS = 24;
const MAX_REQUESTS_PER_SENDER = 400;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      RATE_LIMIT_BURST: '1000000',
      RATE_LIMIT_RPS: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Sends reports until the server goes away (or the bound is hit); returns how many 202s each host got. */
async function sendLoad(base: string, acked: number[], runId: string, onFirstAcks: () => void): Promise<void> {
  let total = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let request = 0; request < MAX_REQUESTS_PER_SENDER; request++) {
        const host = (sender + request) % HOSTS.length;
        const clientId = `${runId}-${sender}-${request}-${'z'.repeat(16)}`;
        try {
          const response = await fetch(`${base}/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ hostHash: HOSTS[host], kind: 'edge-error', vendor: 'cloudflare', clientId }),
          });
          if (response.status === 202) {
            acked[host]!++;
            if (++total === 300) onFirstAcks();
          }
        } catch {
          return; // the server is gone; this request may or may not have been stored, and was not acknowledged
        }
      }
    }),
  );
}

async function countedPerHost(base: string): Promise<number[]> {
  return Promise.all(
    HOSTS.map(async (host) => {
      const response = await fetch(`${base}/v1/prefix/${host.slice(0, 4)}`);
      const { data } = (await response.json()) as { data: PrefixData };
      return data.entries.find((entry) => entry.hostHash === host)?.count60 ?? 0;
    }),
  );
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function describeCrash(
  name: string,
  setUp: () => Promise<{ env: Record<string, string>; cleanUp: () => Promise<void> }>,
  skipReason?: string,
) {
  describe.skipIf(skipReason !== undefined)(
    `crash safety on ${name}${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    () => {
      it('counts every acknowledged report after SIGKILL, and drains on SIGTERM', async () => {
        const { env, cleanUp } = await setUp();
        try {
          const acked = HOSTS.map(() => 0);

          const first = await startServer(env);
          const firstExit = exitOf(first.child);
          await sendLoad(first.base, acked, 'kill', () => first.child.kill('SIGKILL'));
          expect(await firstExit).toBeNull(); // killed by signal, not exited

          const second = await startServer(env);
          const secondExit = exitOf(second.child);
          await sendLoad(second.base, acked, 'term', () => second.child.kill('SIGTERM'));
          expect(await secondExit).toBe(0);

          const third = await startServer(env);
          const counted = await countedPerHost(third.base);
          third.child.kill('SIGTERM');
          await exitOf(third.child);

          const totalAcked = acked.reduce((sum, value) => sum + value, 0);
          expect(totalAcked).toBeGreaterThanOrEqual(600);
          // Committed-but-unacknowledged reports may add a few; an acknowledged one may never be missing.
          counted.forEach((count, host) => expect(count, `host ${host}`).toBeGreaterThanOrEqual(acked[host]!));
          expect(counted.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(totalAcked + 2 * SENDERS);
        } finally {
          await cleanUp();
        }
      }, 120_000);
    },
  );
}

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeCrash('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-crash-'));
  tempDirs.push(dir);
  return { env: { DATA_DIR: dir }, cleanUp: async () => {} };
});

const databaseUrl = process.env.DATABASE_URL;
describeCrash(
  'PostgreSQL',
  async () => {
    // A database of its own, so the store suite's TRUNCATEs in parallel files cannot interfere.
    const name = `culprit_crash_${process.pid}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl ?? '');
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      cleanUp: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      },
    };
  },
  databaseUrl ? undefined : 'DATABASE_URL is not set; run `npm run test:server:pg`',
);
