/**
 * Reading a small JSON body on the request's fast path. Hono's `bodyLimit` reads `c.req.raw.body`, which makes
 * @hono/node-server build a full undici Request (AbortSignal, Headers, web stream) for every POST; profiling put
 * that at ~10 % of the report route's CPU. With a Content-Length the limit is checked from the header and the body
 * read straight from the socket buffer; only bodies without one (chunked, or `app.request()` in tests) go
 * through `bodyLimit`'s counting stream.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Same media types as Hono's json validator: application/json and application/*+json, with parameters. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

type Env = { Bindings: Partial<HttpBindings> };

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/**
 * A request header, read from Node's already-parsed header object when there is one: `c.req.header()` makes
 * @hono/node-server build a `Headers` object first. Falls back to it under `app.request()`.
 * @example requestHeader(c, 'origin')
 */
export function requestHeader(c: Context<Env>, lowerCaseName: string): string | undefined {
  const headers = c.env?.incoming?.headers;
  if (headers === undefined) return c.req.header(lowerCaseName);
  const value = headers[lowerCaseName];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The parsed body, or why not: 400 for a non-JSON content type or malformed JSON, 413 over `maxBytes`.
 * @example const body = await readJsonBody(c, 2048); if (!body.ok) return fail(c, body.status, …);
 */
export async function readJsonBody(c: Context<Env>, maxBytes: number): Promise<JsonBody> {
  const mediaType = (requestHeader(c, 'content-type') ?? '').split(';')[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(mediaType))
    return { ok: false, status: 400, message: 'expected Content-Type: application/json' };
  const length = requestHeader(c, 'content-length');
  const hasTrustedLength =
    length !== undefined && /^\d{1,9}$/.test(length) && requestHeader(c, 'transfer-encoding') === undefined;
  if (hasTrustedLength && Number(length) > maxBytes) return tooLarge(maxBytes);
  let text: string;
  if (hasTrustedLength) {
    // Node's parser stops at Content-Length, so the text cannot be longer than the length checked above.
    text = await c.req.text();
  } else {
    const limited = await readLimited(c, maxBytes);
    if (limited === null) return tooLarge(maxBytes);
    text = limited;
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'malformed JSON in request body' };
  }
}

function tooLarge(maxBytes: number): JsonBody {
  return { ok: false, status: 413, message: `body over ${maxBytes} bytes` };
}

/** The body through Hono's counting `bodyLimit`; null when it is over the limit. */
async function readLimited(c: Context<Env>, maxBytes: number): Promise<string | null> {
  let isTooLarge = false;
  let text = '';
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (context) => {
      isTooLarge = true;
      return context.body(null, 413);
    },
  });
  await limit(c, async () => {
    text = await c.req.text();
  });
  return isTooLarge ? null : text;
}
