/**
 * `GET /metrics` in Prometheus text format, as an app of its own for its own listener (METRICS_PORT, loopback by
 * default). The public app has no such route at all, so no spelling of the path (`/%6detrics`, `/v1/../metrics`)
 * reaches it there, whatever a load balancer's rule on the literal path misses.
 */
import { Hono } from 'hono';
import type { Metrics } from './metrics.ts';
import { fail } from './respond.ts';

/** @example serve({ fetch: createMetricsApp(metrics).fetch, port: 9464, hostname: '127.0.0.1' }); */
export function createMetricsApp(metrics: Metrics): Hono {
  const app = new Hono().get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }),
  );
  app.notFound((c) => fail(c, 404, 'not_found', 'no such route'));
  return app;
}
