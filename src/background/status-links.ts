/**
 * The public status pages a person can read for a tab: the CDN's and the site's own. Worked out here, not in the
 * popup, so the popup bundle carries no public-suffix list and does no work the background can do.
 */
import { registrableDomain } from '../core/registrable-domain.ts';
import type { Verdict } from '../core/diagnose/types.ts';
import { siteStatusPageUrl } from '../core/status/site-status.ts';
import { statusPageUrl } from '../core/status/vendors.ts';
import type { StatusLinks } from '../shared/messages.ts';
import type { TabState } from '../shared/tab-state.ts';

export function statusLinksFor(state: TabState, verdict: Verdict | null): StatusLinks {
  const vendor = verdict?.vendor ?? state.detection?.vendor ?? null;
  const discovered = verdict?.sources['site-status']?.state === 'ok';
  return {
    vendor: vendor ? statusPageUrl(vendor) : null,
    site: state.host ? siteStatusPageUrl(registrableDomain(state.host), discovered) : null,
  };
}
