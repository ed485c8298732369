/**
 * One autocannon run against a bench target, and how runs are combined into table rows. Used by server.bench.ts.
 */
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { REPORT_KINDS, REPORT_VENDORS } from '../../src/core/peer/wire.ts';
import { describeCpu, sampleCpu } from './server-cpu.ts';

const CONNECTIONS = 50;

export type Scenario =
  | 'bare GET'
  | 'bare GET 6 KiB'
  | 'bare GET radar size'
  | 'bare POST'
  | 'report POST'
  | 'prefix GET'
  | 'radar GET';

export interface Row {
  backend: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  note: string;
}
/** A pool of hosts like the seeded ones, so lookups and writes land on real rows. */
function hostHash(index: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(index);
  return createHash('sha256').update(bytes).digest('hex');
}
const HOSTS = Array.from({ length: 10_000 }, (_, index) => hostHash(index));
const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
let clientSeq = 0;

function reportJson(): string {
  clientSeq++;
  return JSON.stringify({
    hostHash: pick(HOSTS),
    kind: pick(REPORT_KINDS),
    vendor: pick(REPORT_VENDORS),
    colo: 'FRA',
    code: 522,
    clientId: `bench-${process.pid}-${clientSeq}-xxxxxxxxxxxx`,
  });
}

export interface Measured extends Omit<Row, 'backend' | 'note'> {
  requests: number;
  cpu: string;
}

export async function measure(
  base: string,
  scenario: Scenario,
  seconds: number,
  serverPid?: number,
): Promise<Measured> {
  const isPost = scenario.endsWith('POST');
  const PATHS: Record<Scenario, string> = {
    'bare GET': '/bare',
    'bare GET 6 KiB': '/bare-6k',
    'bare GET radar size': '/bare-radar',
    'bare POST': '/bare',
    'report POST': '/v1/reports',
    'prefix GET': '/v1/prefix/0000',
    'radar GET': '/v1/cdn',
  };
  const path = PATHS[scenario];
  const cpuBefore = sampleCpu(serverPid);
  const result = await autocannon({
    url: base + path,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: isPost ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          if (isPost) request.body = reportJson();
          if (scenario === 'prefix GET') request.path = `/v1/prefix/${pick(HOSTS).slice(0, 4)}`;
          return request;
        },
      },
    ],
  });
  return {
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    cpu: describeCpu(cpuBefore, sampleCpu(serverPid), result.requests.total),
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One row from several rounds: median req/s, median p50, worst p99, all errors. */
export function combine(rounds: Measured[]): Omit<Row, 'backend' | 'note'> {
  return {
    scenario: rounds[0]!.scenario,
    rps: median(rounds.map((round) => round.rps)),
    p50: median(rounds.map((round) => round.p50)),
    p99: Math.max(...rounds.map((round) => round.p99)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}

/** "0.45× bare POST (0.41–0.52 over 3 rounds)": the ratio per round, so both sides saw the same machine. */
export function ratio(numerator: Measured[], denominator: Measured[], label: string): string {
  const ratios = numerator.map((round, index) => round.rps / denominator[index]!.rps);
  const range =
    ratios.length > 1
      ? ` (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} over ${ratios.length} rounds)`
      : '';
  return `${median(ratios).toFixed(2)}× ${label}${range}`;
}
