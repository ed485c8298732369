/**
 * Prometheus metrics. One registry per app (not prom-client's global) so tests can build many apps.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { REPORT_KINDS, REPORT_VENDORS, type Report } from '../src/core/peer/wire.ts';

export interface Metrics {
  registry: Registry;
  observeRequest(route: string, status: number, seconds: number): void;
  countReport(report: Report, isCounted: boolean): void;
  observeBatch(size: number, milliseconds: number, isOk: boolean): void;
}

/**
 * @example const metrics = createMetrics({ withProcessMetrics: true }); await metrics.registry.metrics();
 */
export function createMetrics(options: { withProcessMetrics: boolean }): Metrics {
  const registry = new Registry();
  if (options.withProcessMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'culprit_http_request_duration_seconds',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const reports = new Counter({
    name: 'culprit_reports_total',
    help: 'Accepted reports by kind, vendor and whether they were counted (false = duplicate within 10 minutes)',
    labelNames: ['kind', 'vendor', 'counted'],
    registers: [registry],
  });
  // The status code is not stored in the database; its class is only counted here, for operators.
  const codes = new Counter({
    name: 'culprit_report_code_class_total',
    help: 'Accepted reports by reported code class (5xx, 1xxx for Cloudflare 1xxx errors, none)',
    labelNames: ['class'],
    registers: [registry],
  });
  const batches = new Histogram({
    name: 'culprit_batch_commit_seconds',
    help: 'Write batch commit time by outcome',
    labelNames: ['ok'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [registry],
  });
  const batchSizes = new Histogram({
    name: 'culprit_batch_size',
    help: 'Reports per write batch',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [registry],
  });
  // Children cached by label values: prom-client's labels() builds and hashes a label object on every call
  // (~1.4 µs of a report's CPU in profiles).
  const reportChild = cachedChildren((kind: string, vendor: string, counted: string) =>
    reports.labels(kind, vendor, counted),
  );
  const codeChild = cachedChildren((codeClassName: string) => codes.labels(codeClassName));
  const requestChild = cachedChildren((route: string, status: string) => requests.labels(route, status));
  // Pre-create the label sets so dashboards see zeros rather than gaps.
  for (const kind of REPORT_KINDS) for (const vendor of REPORT_VENDORS) reports.labels(kind, vendor, 'true');

  return {
    registry,
    observeRequest: (route, status, seconds) => requestChild(route, String(status)).observe(seconds),
    countReport(report, isCounted) {
      reportChild(report.kind, report.vendor, String(isCounted)).inc();
      codeChild(codeClass(report.code)).inc();
    },
    observeBatch(size, milliseconds, isOk) {
      batches.labels(String(isOk)).observe(milliseconds / 1000);
      batchSizes.observe(size);
    },
  };
}

/**
 * Memoises `make` by its label values. Label values here are bounded (routes, statuses, schema-checked kinds,
 * vendors and code classes), so the cache is too.
 */
function cachedChildren<Args extends string[], Child>(make: (...labels: Args) => Child): (...labels: Args) => Child {
  const children = new Map<string, Child>();
  return (...labels) => {
    const key = labels.join('\u0000');
    let child = children.get(key);
    if (child === undefined) {
      child = make(...labels);
      children.set(key, child);
    }
    return child;
  };
}

/** 522 -> '5xx', 1020 -> '1xxx': bounded label values. */
function codeClass(code: number | undefined): string {
  if (code === undefined) return 'none';
  const digits = String(code);
  return digits[0] + 'x'.repeat(digits.length - 1);
}
