import type { Finding } from './detector.ts';
import { findResource, isSmallPage } from './page-queries.ts';
import type { PageMarkers } from './types.ts';

/**
 * Cloudflare Access (Zero Trust) stands in front of an application and lets only people its policy names through.
 * Its sign-in page (on `<team>.cloudflareaccess.com`, forms posting to `/cdn-cgi/access/...`) and its "Forbidden"
 * page are both a refusal aimed at this visitor, never an outage: `blocked`.
 */

// "Forbidden: You do not have permission to view this page", "That account does not have access": the denial
// wording, read only inside a page already proven to be Cloudflare's error template.
const DENIAL =
  /\bForbidden\b|\b(?:do not|don.t) have (?:permission|access) to (?:view|access)\b|account does not have access/i;
// Access posts its sign-in forms to /cdn-cgi/access/login|verify-code|callback on the team domain.
const ACCESS_PATH = /(?:^|\/\/[^/]+)\/cdn-cgi\/access\/(?:login|verify-code|callback|authorized|get-identity)\b/;
// "Sign in ・ Cloudflare Access"; the separator differs by version and is often mis-decoded, so any non-letters.
const ACCESS_TITLE = /^[^|]{0,60}?[^A-Za-z0-9\s]+\s*Cloudflare Access$/;

/** True when a Cloudflare error template carries the Access denial wording instead of an error number. */
export function isAccessDenial(page: PageMarkers): boolean {
  return DENIAL.test(page.text);
}

/** The Access sign-in or block page itself. A long page titled "… Cloudflare Access" is an article, not the gate. */
export function readAccessPage(page: PageMarkers): Finding | null {
  const evidence: string[] = [];
  if (findResource(page, ACCESS_PATH)) evidence.push('resource:cdn-cgi-access');
  if (ACCESS_TITLE.test(page.title) && isSmallPage(page)) evidence.push('title:cloudflare-access');
  return evidence.length > 0 ? { kind: 'blocked', code: null, evidence, fromPage: true } : null;
}
