/**
 * Server settings from environment variables, validated like any other input. index.ts passes `process.env` in.
 */
import * as v from 'valibot';
import { describeIssues } from '../src/core/validation-issues.ts';
import type { ConnectionLimits } from './listen.ts';
import type { SaltedRateLimiterOptions } from './rate-limit.ts';

const integerFrom = (fallback: number, min: number, max: number) =>
  v.pipe(v.optional(v.string(), String(fallback)), v.transform(Number), v.integer(), v.minValue(min), v.maxValue(max));

const ConfigSchema = v.object({
  PORT: integerFrom(8787, 0, 65_535),
  HOST: v.optional(v.string(), '127.0.0.1'),
  DATA_DIR: v.optional(v.string(), './data'),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'expected postgres://…'))),
  TRUST_PROXY: v.optional(v.picklist(['0', '1']), '0'),
  RATE_LIMIT_RPS: integerFrom(2, 1, 1_000_000),
  RATE_LIMIT_BURST: integerFrom(60, 1, 1_000_000),
  RETENTION_DAYS: integerFrom(8, 1, 365),
  BATCH_MAX_ITEMS: integerFrom(256, 1, 10_000),
  BATCH_MAX_WAIT_MS: integerFrom(0, 0, 1000),
  BATCH_MAX_IN_FLIGHT: integerFrom(1, 1, 100),
  PG_POOL_SIZE: integerFrom(10, 1, 1000),
  PREFIX_CACHE_ENTRIES: integerFrom(16_384, 0, 65_536),
  METRICS_PORT: integerFrom(9464, 0, 65_535),
  METRICS_HOST: v.optional(v.string(), '127.0.0.1'),
  MAX_CONNECTIONS: integerFrom(4096, 1, 1_000_000),
  MAX_CONNECTIONS_PER_NETWORK: integerFrom(64, 0, 1_000_000),
  HEADERS_TIMEOUT_S: integerFrom(10, 1, 300),
  REQUEST_TIMEOUT_S: integerFrom(15, 1, 300),
  KEEP_ALIVE_TIMEOUT_S: integerFrom(5, 1, 300),
});

export type Config = v.InferOutput<typeof ConfigSchema>;

/**
 * @example parseConfig({ PORT: '9000' }).PORT // 9000
 * @throws with every invalid variable named, so a bad deployment fails at start-up, not later.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = v.safeParse(ConfigSchema, env);
  if (!result.success) throw new Error(`invalid configuration: ${describeIssues(result.issues, Infinity)}`);
  return result.output;
}

/** What an empty environment gives: the defaults `createApp` falls back on, so they are written only above. */
export const DEFAULT_CONFIG: Config = parseConfig({});

/** How old the lookup snapshot may get before a refresh. */
export const SNAPSHOT_MAX_AGE_MS = 5000;

/**
 * The per-client limit a configuration asks for. Not configurable: the memory bound (a full bucket for anyone
 * forgotten, so it fails open) and the daily salt rotation, which keeps no pseudonym of an address for long.
 */
export function rateLimitOf(config: Config): Omit<SaltedRateLimiterOptions, 'now'> {
  return {
    capacity: config.RATE_LIMIT_BURST,
    refillPerSecond: config.RATE_LIMIT_RPS,
    maxKeys: 100_000,
    rotateMs: 24 * 60 * 60 * 1000,
  };
}

/**
 * The public listener's connection limits. Behind a load balancer (TRUST_PROXY=1) every connection comes from it, so
 * the per-network cap is left to the balancer.
 */
export function connectionLimitsOf(config: Config): ConnectionLimits {
  return {
    maxConnections: config.MAX_CONNECTIONS,
    maxConnectionsPerNetwork: config.TRUST_PROXY === '1' ? 0 : config.MAX_CONNECTIONS_PER_NETWORK,
    headersTimeoutMs: config.HEADERS_TIMEOUT_S * 1000,
    requestTimeoutMs: Math.max(config.REQUEST_TIMEOUT_S, config.HEADERS_TIMEOUT_S) * 1000,
    keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_S * 1000,
  };
}
