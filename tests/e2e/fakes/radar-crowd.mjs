// A simulated crowd for the CDN radar: reports POSTed straight to the peer service, started with trustProxy
// (peer-service.mjs), each from a network of its own. Without distinct networks every loopback report shares one, and
// the per-network cap (src/core/radar/breadth.ts: at most 3 sites a network) and the publishing floor (3 networks)
// keep the radar `normal` however many sites fail.
import crypto from 'node:crypto';
import { siteHash } from './peer-service.mjs';

/**
 * One crowd member's report: a site on `vendor` failing with `kind` at `colo`.
 * @typedef {{ site: string, vendor: string, kind: string, colo: string }} CrowdReport
 */

/**
 * The address a report comes from: one per /24 in 198.18.0.0/15, which RFC 2544 sets aside for benchmarks, so it is
 * nobody's network.
 * @param {number} index
 */
const networkAddress = (index) => `198.${18 + (index >> 8)}.${index & 0xff}.7`;

/**
 * Posts each report as a different install on a different network; throws unless every one was counted.
 * @param {number} port the service's own loopback port @param {CrowdReport[]} reports
 */
export async function postCrowd(port, reports) {
  for (const [index, report] of reports.entries()) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': networkAddress(index) },
      body: JSON.stringify({
        hostHash: siteHash(report.site),
        kind: report.kind,
        vendor: report.vendor,
        colo: report.colo,
        clientId: crypto.randomBytes(16).toString('base64url'),
      }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = await res.json();
    if (res.status !== 202 || body?.data?.counted !== true)
      throw new Error(`report ${index} (${report.site}) answered ${res.status} ${JSON.stringify(body)}`);
  }
}

/**
 * What the service publishes for one vendor right now (`GET /v1/cdn/{vendor}`), read over loopback with no cache.
 * @param {number} port @param {string} vendor
 * @returns {Promise<import('../../../src/core/radar/radar-wire.ts').VendorDetail>}
 */
export async function radarOf(port, vendor) {
  const res = await fetch(`http://127.0.0.1:${port}/v1/cdn/${vendor}`, { signal: AbortSignal.timeout(5_000) });
  if (res.status !== 200) throw new Error(`GET /v1/cdn/${vendor} answered ${res.status}`);
  return (await res.json()).data;
}
