/**
 * Turning a raw HTTP body into text or JSON, refusing everything that is not plainly a status payload:
 * redirects, error statuses, HTML where JSON was expected, oversized or undecodable bodies.
 */
import { MAX_BODY_BYTES, type ParseMeta } from './types.ts';

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Pick an encoding from the BOM, or from the NUL pattern of the first two bytes when there is none
 * (RFC 4627 §3: JSON starts with ASCII, so `00 xx` is UTF-16BE and `xx 00` UTF-16LE).
 * AWS Health serves UTF-16 with a BOM; everything else is UTF-8.
 */
function sniffEncoding(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { encoding: 'utf-16be', skip: 0 };
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { encoding: 'utf-16le', skip: 0 };
  return { encoding: 'utf-8', skip: 0 };
}

/** Decode bytes (BOM-aware, strict: invalid sequences fail) or pass a string through, within `maxBytes`. */
export function decodeBody(body: Uint8Array | string, maxBytes = MAX_BODY_BYTES): Decoded<string> {
  if (typeof body === 'string') {
    if (body.length > maxBytes) return { ok: false, reason: `body too large (> ${maxBytes} bytes)` };
    return { ok: true, value: body.charCodeAt(0) === 0xfeff ? body.slice(1) : body };
  }
  if (body.byteLength > maxBytes) return { ok: false, reason: `body too large (> ${maxBytes} bytes)` };
  const { encoding, skip } = sniffEncoding(body);
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body.subarray(skip));
    return { ok: true, value: text };
  } catch {
    return { ok: false, reason: `body is not valid ${encoding.toUpperCase()}` };
  }
}

/** Refuse anything but a 2xx: 3xx means the vendor moved (or a captive portal), 4xx/5xx carry no status. */
function checkHttpStatus(meta: ParseMeta): Decoded<null> {
  const { httpStatus } = meta;
  if (httpStatus >= 300 && httpStatus < 400) {
    return { ok: false, reason: `HTTP ${httpStatus} redirect: the status page may have moved` };
  }
  if (!(httpStatus >= 200 && httpStatus < 300)) return { ok: false, reason: `HTTP ${httpStatus}` };
  return { ok: true, value: null };
}

function isMarkup(text: string): boolean {
  return text.trimStart().startsWith('<');
}

/** Status check, decode, HTML sniff and JSON.parse in one step, for the JSON sources. */
export function readJsonBody(body: Uint8Array | string, meta: ParseMeta, maxBytes = MAX_BODY_BYTES): Decoded<unknown> {
  const http = checkHttpStatus(meta);
  if (!http.ok) return http;
  const text = decodeBody(body, maxBytes);
  if (!text.ok) return text;
  if (/\bhtml\b/i.test(meta.contentType ?? '') || isMarkup(text.value)) {
    return { ok: false, reason: 'got HTML/XML where JSON was expected (login wall, challenge or moved page?)' };
  }
  if (text.value.trim() === '') return { ok: false, reason: 'empty body' };
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch {
    return { ok: false, reason: 'body is not valid JSON (truncated or garbage)' };
  }
}

/** Status check, decode and an RSS sniff, for the feed sources. */
export function readRssBody(body: Uint8Array | string, meta: ParseMeta, maxBytes = MAX_BODY_BYTES): Decoded<string> {
  const http = checkHttpStatus(meta);
  if (!http.ok) return http;
  const text = decodeBody(body, maxBytes);
  if (!text.ok) return text;
  if (!/<rss[\s>]/i.test(text.value.slice(0, 4096))) return { ok: false, reason: 'body is not an RSS feed' };
  return text;
}

/** `Date.parse` that yields null instead of NaN, for optional vendor timestamps. */
export function parseTime(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
