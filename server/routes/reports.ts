import { sValidator } from '@hono/standard-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ReportSchema, type ApiResult, type ReportAccepted } from '../../src/core/peer/wire.ts';
import type { ResolvedDeps } from '../app.ts';
import { describeError, fail } from '../respond.ts';
import { describeIssues } from './validation.ts';

/** Reports are ~200 bytes; anything near this is not one of ours. */
export const MAX_REPORT_BYTES = 2048;

/**
 * `POST /v1/reports`: 202 only once the report's batch has committed.
 * @example app.route('/v1/reports', reportRoutes(deps));
 */
export function reportRoutes(deps: ResolvedDeps): Hono {
  return new Hono().post(
    '/',
    bodyLimit({ maxSize: MAX_REPORT_BYTES, onError: (c) => fail(c, 413, 'too_large', `body over ${MAX_REPORT_BYTES} bytes`) }),
    sValidator('json', ReportSchema, (result, c) => {
      if (!result.success) return fail(c, 400, 'bad_request', describeIssues(result.error));
    }),
    async (c) => {
      const report = c.req.valid('json');
      let isCounted: boolean;
      try {
        isCounted = await deps.writer.submit({
          hostHash: report.hostHash,
          kind: report.kind,
          vendor: report.vendor,
          colo: report.colo ?? '',
          minute: Math.floor(deps.now() / 60_000),
          dedupeKey: deps.dedupeKey(report.clientId, report.hostHash),
        });
      } catch (error) {
        console.error('[server] report commit failed', describeError(error));
        return fail(c, 503, 'unavailable', 'could not store the report; retry later');
      }
      deps.metrics.countReport(report, isCounted);
      const body: ApiResult<ReportAccepted> = { ok: true, data: { counted: isCounted } };
      return c.json(body, 202);
    },
  );
}
