import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiResult, ErrorCode } from '../src/core/peer/wire.ts';

/**
 * The one way handlers answer with an error, so every failure has the same JSON envelope.
 * @example return fail(c, 400, 'bad_request', 'hostHash: expected 64 lowercase hex chars');
 */
export function fail(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string): Response {
  const body: ApiResult<never> = { ok: false, error: { code, message } };
  return c.json(body, status);
}

/** The error code that goes with an HTTP status, for errors raised outside our handlers (malformed JSON, etc.). */
export function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'internal' : 'bad_request';
}

/**
 * What to log about a failure: the message (and stack) only. Database drivers attach the statement and its
 * parameters to errors (PGlite does), and those must not reach logs: they hold host hashes and dedupe keys.
 * @example console.error('[server] commit failed', describeError(error));
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
