/**
 * When this browser tells the peer servers "this site is failing". Only what notifications would also stand behind:
 * a failure of the site or its CDN that something besides the page confirms. Blocks and bot checks are aimed at one
 * visitor, a spoof-looking page proves nothing, and other people's reports do not count as confirmation (reports
 * that rest on reports would feed on themselves). At most one report per site every 10 minutes.
 */
import type { PageFacts, Verdict } from '../diagnose/types.ts';
import { isCdnWide, isCorroborated } from '../notify/policy.ts';
import { REPORT_VENDORS, type ReportKind, type ReportVendor } from './wire.ts';

export const REPORT_INTERVAL_MS = 10 * 60_000;
/** Sites remembered at once; a person cannot meet more failing sites than this in 10 minutes. */
const MAX_REMEMBERED = 200;

/**
 * Page kinds that can be reported. `challenge-failed` (the bot check itself cannot load) counts only under a CDN
 * verdict: then the challenge service is down for everyone, as on 18 Nov 2025, and not aimed at this person.
 */
const REPORTABLE_KINDS = new Set<PageFacts['kind']>([
  'origin-error',
  'edge-error',
  'site-config',
  'challenge-failed',
  'network-error',
]);

/** Report fields read from the page; the client adds the site hash and the daily id. */
export interface ReportFields {
  kind: ReportKind;
  vendor: ReportVendor;
  colo?: string;
  code?: number;
}

const isReportVendor = (vendor: string | null): vendor is ReportVendor =>
  (REPORT_VENDORS as readonly (string | null)[]).includes(vendor);

/**
 * @param byPerson the person pressed "Report this problem": their word stands in for the corroboration an automatic
 *   report needs (the page alone proves little to us, but they are looking at it). Everything else still applies:
 *   blocks, bot checks, spoof-looking pages and your-network verdicts are never reported.
 * @returns what to report about this verdict, or null when it must not be reported.
 * @example
 * reportFor(siteDownVerdict, { kind: 'edge-error', vendor: 'cloudflare', colo: 'ICN', code: 522, … })
 * // { kind: 'edge-error', vendor: 'cloudflare', colo: 'ICN', code: 522 }
 */
export function reportFor(verdict: Verdict, page: PageFacts, byPerson = false): ReportFields | null {
  if (page.kind === 'none' || !REPORTABLE_KINDS.has(page.kind)) return null;
  if (page.kind === 'challenge-failed' && verdict.culprit !== 'cdn') return null;
  if (verdict.culprit !== 'site' && verdict.culprit !== 'cdn') return null;
  if (page.unconfirmed || verdict.rule === 'unconfirmed') return null;
  const firstHand = { ...verdict, evidence: verdict.evidence.filter((item) => item.source !== 'peers') };
  if (!byPerson && !isCorroborated(firstHand) && !isCdnWide(verdict)) return null;
  return {
    kind: page.kind,
    vendor: isReportVendor(page.vendor) ? page.vendor : 'unknown',
    ...(page.colo !== null && /^[A-Z]{3}$/.test(page.colo) && { colo: page.colo }),
    ...(page.code !== null &&
      Number.isInteger(page.code) &&
      page.code >= 100 &&
      page.code <= 9999 && { code: page.code }),
  };
}

/** True unless `site` was reported within the interval. */
export function isReportDue(sent: Readonly<Record<string, number>>, site: string, now: number): boolean {
  const last = sent[site];
  return last === undefined || now - last >= REPORT_INTERVAL_MS || last > now;
}

/** Records a report and forgets what is past the interval, keeping at most MAX_REMEMBERED sites (the newest). */
export function recordReport(
  sent: Readonly<Record<string, number>>,
  site: string,
  now: number,
): Record<string, number> {
  const kept = Object.entries(sent).filter(([key, at]) => key !== site && now - at < REPORT_INTERVAL_MS && at <= now);
  kept.sort((a, b) => a[1] - b[1]);
  return Object.fromEntries([...kept.slice(-(MAX_REMEMBERED - 1)), [site, now]]);
}
