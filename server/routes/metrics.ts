import { Hono } from 'hono';
import type { ResolvedDeps } from '../app.ts';

/**
 * `GET /metrics` in Prometheus text format. Expose it to the scraper only (see docs/deploy.md).
 * @example app.route('/', metricsRoutes(deps));
 */
export function metricsRoutes(deps: ResolvedDeps): Hono {
  return new Hono().get('/metrics', async (c) =>
    c.body(await deps.metrics.registry.metrics(), 200, { 'Content-Type': deps.metrics.registry.contentType }),
  );
}
