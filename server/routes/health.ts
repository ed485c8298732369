import { Hono } from 'hono';
import type { ResolvedDeps } from '../app.ts';
import { fail } from '../respond.ts';

/**
 * `/healthz`: the process answers. `/readyz`: and its database does too (load balancers route on this).
 * @example app.route('/', healthRoutes(deps));
 */
export function healthRoutes(deps: ResolvedDeps): Hono {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true, data: { status: 'ok' } }))
    .get('/readyz', async (c) =>
      (await deps.store.isReachable())
        ? c.json({ ok: true, data: { status: 'ready' } })
        : fail(c, 503, 'unavailable', 'database unreachable'),
    );
}
