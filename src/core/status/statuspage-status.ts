/**
 * Statuspage `/api/v2/status.json`: the page-wide indicator only. Used for status-page discovery on
 * `status.<domain>`, where the identity check (page + status.indicator) is what separates a real status
 * page from a blog that happens to live there.
 */
import * as v from 'valibot';
import { readJsonBody } from './decode-body.ts';
import { describeIssues } from '../validation-issues.ts';
import { STATUS_ONLY_SCHEMA } from './statuspage-schema.ts';
import { toIndicator } from './statuspage.ts';
import type { ParseMeta, ParseResult, StatusSubject } from './types.ts';

/** Parse `/api/v2/status.json`: the page-wide indicator only (used for status-page discovery). */
export function parseStatuspageStatus(body: Uint8Array | string, meta: ParseMeta, vendor: StatusSubject): ParseResult {
  const json = readJsonBody(body, meta);
  if (!json.ok) return { state: 'failed', reason: json.reason };
  const parsed = v.safeParse(STATUS_ONLY_SCHEMA, json.value);
  if (!parsed.success)
    return { state: 'failed', reason: `not a Statuspage status: ${describeIssues(parsed.issues, 1)}` };
  const { page, status } = parsed.output;
  return {
    state: 'ok',
    status: {
      source: meta.url,
      vendor,
      fetchedAt: meta.now,
      indicator: toIndicator(status.indicator),
      rawIndicator: status.indicator,
      ...(status.description !== undefined ? { description: status.description } : {}),
      coverage: 'indicator',
      components: [],
      incidents: [],
      page: { name: page.name, url: page.url },
    },
  };
}
