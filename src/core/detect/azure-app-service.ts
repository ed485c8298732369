import type { Finding } from './detector.ts';
import { isSmallPage } from './page-queries.ts';
import { mayBeErrorPage } from './status-kinds.ts';
import type { DetectionKind, PageMarkers } from './types.ts';

/**
 * Azure App Service's own front-end pages (Microsoft Learn, App Service troubleshooting and Q&A): the host answers for
 * a web app that is stopped, over quota, refusing this visitor by its access restrictions, or not configured for the
 * domain. Each names its cause in one fixed sentence, so the sentence decides, most specific first.
 */
const PAGES: ReadonlyArray<readonly [RegExp, DetectionKind, string]> = [
  [/web app you have attempted to reach has blocked your access/i, 'blocked', 'text:app-service-blocked'],
  [
    /This web app is stopped|web app you have attempted to reach is currently stopped/i,
    'site-config',
    'text:app-service-stopped',
  ],
  [/exceeded (?:its|the) (?:usage )?quota|Site Disabled/i, 'site-config', 'text:app-service-quota'],
  [
    /404 Web Site not found|web site you have attempted to reach is not available in this Microsoft Azure App Service/i,
    'site-config',
    'text:app-service-not-found',
  ],
  // App Service on Linux when the app's container does not answer: ":( Application Error".
  [/^:\( Application Error\b/, 'origin-error', 'text:app-service-application-error'],
];

/** An App Service page; null on a normal page, a long page quoting one, or a 2xx answer (these are never 200). */
export function readAppServicePage(page: PageMarkers, status: number | null): Finding | null {
  if (!isSmallPage(page, 1200) || !mayBeErrorPage(status)) return null;
  for (const [pattern, kind, marker] of PAGES) {
    if (pattern.test(page.text)) {
      return { kind, code: status, evidence: [marker], fromPage: true, platform: 'azure-app-service' };
    }
  }
  return null;
}
