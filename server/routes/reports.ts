import { Hono } from 'hono';
import * as v from 'valibot';
import { ReportSchema, type ApiResult, type ReportAccepted } from '../../src/core/peer/wire.ts';
import type { AppEnv, ResolvedDeps } from '../app.ts';
import { readJsonBody } from '../read-json.ts';
import { describeIssues } from '../../src/core/validation-issues.ts';
import { describeError, fail } from '../respond.ts';

/** Reports are ~200 bytes; anything near this is not one of ours. */
const MAX_REPORT_BYTES = 2048;

/** The two possible 202 bodies, serialised once rather than per request. */
const ACCEPTED = new Map<boolean, string>(
  [true, false].map((counted) => [
    counted,
    JSON.stringify({ ok: true, data: { counted } } satisfies ApiResult<ReportAccepted>),
  ]),
);
const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

/**
 * `POST /v1/reports`: 202 only once the report's batch has committed.
 * The body is read and validated once, by hand rather than through `bodyLimit` + `sValidator`: see read-json.ts.
 * @example app.route('/v1/reports', reportRoutes(deps));
 */
export function reportRoutes(deps: ResolvedDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await readJsonBody(c, MAX_REPORT_BYTES);
    if (!body.ok) return fail(c, body.status, body.status === 413 ? 'too_large' : 'bad_request', body.message);
    const parsed = v.safeParse(ReportSchema, body.value);
    if (!parsed.success) return fail(c, 400, 'bad_request', describeIssues(parsed.issues));
    const report = parsed.output;
    let isCounted: boolean;
    try {
      isCounted = await deps.writer.submit({
        hostHash: report.hostHash,
        kind: report.kind,
        vendor: report.vendor,
        colo: report.colo ?? '',
        minute: Math.floor(deps.now() / 60_000),
        dedupeKey: deps.dedupeKey(report.clientId, report.hostHash),
        networkKey: deps.networkKey(deps.clientIp(c)),
      });
    } catch (error) {
      console.error('[server] report commit failed', describeError(error));
      return fail(c, 503, 'unavailable', 'could not store the report; retry later');
    }
    deps.metrics.countReport(report, isCounted);
    return c.body(ACCEPTED.get(isCounted)!, 202, JSON_HEADERS);
  });
}
