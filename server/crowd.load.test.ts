/**
 * Load test, loopback only (127.0.0.0/8 is all local, so each 127.0.x.0/24 is a network of its own to the server):
 * one network sends as many fake outages as it can for 15 minutes, from 50 addresses and a fresh client id per
 * report, into the bucket of a site that is really down. Bounded: 1,500 attacker requests and 20 genuine reports,
 * on a simulated clock, so it takes seconds whatever the machine.
 */
import type { Server } from 'node:http';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrefixData } from '../src/core/peer/wire.ts';
import { PGLITE_START_TIMEOUT, reportBody } from '../tests/support/server-app.ts';
import { createApp } from './app.ts';
import { DEFAULT_CONFIG, rateLimitOf } from './config.ts';
import { listen } from './listen.ts';
import { createSaltedRateLimiter } from './rate-limit.ts';
import { openPgliteClient } from './store/pglite-client.ts';
import { createReportStore, type ReportStore } from './store/report-store.ts';

const START = Date.UTC(2025, 10, 18, 11, 0);
const VICTIM = `abcd${'f'.repeat(60)}`;
const FAKES = Array.from({ length: 33 }, (_, index) => `abcd${index.toString(16).padStart(60, '0')}`);
const ATTACKER_ADDRESSES = Array.from({ length: 50 }, (_, index) => `127.0.5.${index + 1}`);
const MINUTES = 15;
const ATTACKER_PER_MINUTE = 100;
const VICTIM_REPORTERS = 20;

let store: ReportStore;
let server: Server;
let port: number;
const clock = { now: START };

beforeAll(async () => {
  store = await createReportStore(await openPgliteClient());
  const now = () => clock.now;
  // Production limits, on the simulated clock.
  const app = createApp({
    store,
    now,
    limiter: createSaltedRateLimiter({ ...rateLimitOf(DEFAULT_CONFIG), now }),
    snapshotMaxAgeMs: 0,
  });
  const limits = { maxConnections: 1000, maxConnectionsPerNetwork: 0, keepAliveTimeoutMs: 5000 };
  await new Promise<void>((resolve) => {
    server = listen(
      app,
      { port: 0, hostname: '127.0.0.1' },
      { ...limits, headersTimeoutMs: 10_000, requestTimeoutMs: 15_000 },
      (listening) => {
        port = listening;
        resolve();
      },
    );
  });
}, PGLITE_START_TIMEOUT);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
});

function send(
  localAddress: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** 1,500 requests over loopback: seconds on a quiet machine; the bound is for a machine busy with other suites. */
const LOAD_BOUND_MS = 180_000;

describe('one network against the crowd', () => {
  it(
    'cannot push a site in real outage out of its bucket with fake outages',
    async () => {
      const attackerStatuses: number[] = [];
      let victimSent = 0;
      for (let minute = 0; minute < MINUTES; minute++) {
        clock.now = START + minute * 60_000;
        const attacks = Array.from({ length: ATTACKER_PER_MINUTE }, (_, index) => {
          const address = ATTACKER_ADDRESSES[index % ATTACKER_ADDRESSES.length]!;
          const hostHash = FAKES[(minute * ATTACKER_PER_MINUTE + index) % FAKES.length]!;
          const clientId = `attacker-${String(minute * ATTACKER_PER_MINUTE + index).padStart(13, '0')}`;
          return send(address, 'POST', '/v1/reports', reportBody({ hostHash, clientId }));
        });
        // Genuine reports, each from a network of its own, spread over the 15 minutes.
        const genuine: Promise<{ status: number }>[] = [];
        while (victimSent < VICTIM_REPORTERS && Math.floor((victimSent * MINUTES) / VICTIM_REPORTERS) === minute) {
          const reporter = victimSent++;
          const body = reportBody({ hostHash: VICTIM, clientId: `person-${String(reporter).padStart(15, '0')}` });
          genuine.push(send(`127.0.${10 + reporter}.1`, 'POST', '/v1/reports', body));
        }
        attackerStatuses.push(...(await Promise.all(attacks)).map((response) => response.status));
        expect((await Promise.all(genuine)).map((response) => response.status)).toEqual(genuine.map(() => 202));
      }
      expect(victimSent).toBe(VICTIM_REPORTERS);

      // The /24 shares one budget across its 50 addresses: most of its reports are refused.
      const accepted = attackerStatuses.filter((status) => status === 202).length;
      expect(attackerStatuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(60 + (MINUTES - 1) * 60);

      const { status, text } = await send('127.0.0.1', 'GET', '/v1/prefix/abcd');
      expect(status).toBe(200);
      const entries = (JSON.parse(text) as { data: PrefixData }).data.entries;
      // The fakes still fill the rest of the answer as outages; the genuine site is listed among them.
      expect(
        entries.filter((entry) => FAKES.includes(entry.hostHash) && entry.state === 'outage').length,
      ).toBeGreaterThan(0);
      const victim = entries.find((entry) => entry.hostHash === VICTIM);
      expect(victim?.count15).toBe(VICTIM_REPORTERS);
      expect(victim?.state).not.toBe('normal');
    },
    LOAD_BOUND_MS,
  );
});
