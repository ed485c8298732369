/**
 * The peer-report wire contract, shared by the extension client and `server/`. Everything that crosses the network is
 * described here once, as valibot schemas, so both sides validate the same shapes.
 */
import * as v from 'valibot';

/** What the reporter saw. Mirrors the detection kinds plus `network-error` (the page never arrived). */
export const REPORT_KINDS = [
  'origin-error',
  'edge-error',
  'blocked',
  'challenge',
  'challenge-failed',
  'site-config',
  'network-error',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * Kept as its own list (not derived from detect/) so the wire format changes only on purpose. `unknown` covers both a
 * CDN this list does not name and no CDN at all (a plain 5xx from the site's own server): the server counts reports
 * per site, so the difference would buy nothing, and a new value would be refused by servers already deployed.
 */
export const REPORT_VENDORS = [
  'cloudflare',
  'cloudfront',
  'akamai',
  'fastly',
  'azure',
  'google',
  'vercel',
  'netlify',
  'sucuri',
  'imperva',
  'ddos-guard',
  'bunny',
  'unknown',
] as const;
export type ReportVendor = (typeof REPORT_VENDORS)[number];

export const OUTAGE_STATES = ['normal', 'elevated', 'outage'] as const;
export type OutageState = (typeof OUTAGE_STATES)[number];

/** Lowercase hex SHA-256 of the registrable domain. */
export const HostHashSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex chars'));

/** Random per install, rotated daily by the client; only ever stored hashed together with the host. */
export const ClientIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,64}$/, 'expected 22-64 url-safe chars'));

/** Body of `POST /v1/reports`. Unknown keys are dropped, not rejected, so newer clients still work. */
export const ReportSchema = v.object({
  hostHash: HostHashSchema,
  kind: v.picklist(REPORT_KINDS),
  vendor: v.picklist(REPORT_VENDORS),
  colo: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected 3 uppercase letters'))),
  code: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(9999))),
  clientId: ClientIdSchema,
});
export type Report = v.InferOutput<typeof ReportSchema>;

/** Path parameters of `GET /v1/prefix/{prefix}`: exactly 4 lowercase hex chars (65,536 buckets). */
export const PrefixParamSchema = v.object({
  prefix: v.pipe(v.string(), v.regex(/^[0-9a-f]{4}$/, 'expected 4 lowercase hex chars')),
});

/** One host in a prefix bucket. Padding entries look the same, with zero counts. */
export interface PrefixEntry {
  hostHash: string;
  /** Reports in the last 15 minutes (including the current one). */
  count15: number;
  /** Reports in the last 60 minutes. */
  count60: number;
  /** Expected reports per 15 minutes at this time of day (see outage-rule.ts). */
  baseline15: number;
  state: OutageState;
}

export interface PrefixData {
  prefix: string;
  /** Epoch minute the counts end at. */
  minute: number;
  /** Always PREFIX_ENTRY_COUNT long; see PREFIX_RESPONSE_BYTES. */
  entries: PrefixEntry[];
  /** Filler that brings the serialised response to exactly PREFIX_RESPONSE_BYTES; ignore it. */
  pad: string;
}

/**
 * Every prefix response carries exactly this many entries, real ones and dummies. A bucket with more active hosts
 * keeps those reported from the most distinct client networks (then outages first, then the most reports); absent
 * hosts are `normal`.
 */
export const PREFIX_ENTRY_COUNT = 32;
/** Every prefix response body is exactly this many bytes, so its length leaks nothing about the bucket. */
export const PREFIX_RESPONSE_BYTES = 6144;

export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The envelope of every JSON response. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Data of a 202 from `POST /v1/reports`: `counted` is false when this client already reported the host recently. */
export interface ReportAccepted {
  counted: boolean;
}
