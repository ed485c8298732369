// The real peer-report service for the radar page's browser test: `server/index.ts` in a child process on a free
// loopback port, with a throwaway PGlite directory, behind a pretend load balancer (TRUST_PROXY=1) so each report can
// come from a network of its own and count towards the radar's breadth. Builds the page first if it is stale.
import { createHash } from 'node:crypto';
import { buildRadarPage } from '../../server/radar-page/build.mjs';
import { startServiceProcess } from '../e2e/harness/service-process.mjs';

/** PGlite's first start, migrations included, takes seconds alone and far longer on a machine busy with other suites. */
const START_MS = 90_000;

/**
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export async function startRadarService() {
  await buildRadarPage({ ifStale: true });
  const { origin, stop } = await startServiceProcess(
    { TRUST_PROXY: '1', RATE_LIMIT_BURST: '1000' },
    { label: 'radar service', startMs: START_MS },
  );
  return { origin, stop };
}

let serial = 0;

/**
 * Reports `count` distinct failing sites on `vendor` at `colo`, each from one person on a network of its own.
 * @param {string} origin @param {{ vendor: string, colo: string, count: number, kind?: string }} sites
 */
export async function reportFailingSites(origin, { vendor, colo, count, kind = 'edge-error' }) {
  for (let index = 0; index < count; index++) {
    serial++;
    const response = await fetch(`${origin}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${serial >> 8}.${serial & 255}.7` },
      body: JSON.stringify({
        hostHash: createHash('sha256').update(`radar-site-${serial}.example`).digest('hex'),
        kind,
        vendor,
        colo,
        code: 500,
        clientId: `radar-page-client-${serial}`.padEnd(22, '0'),
      }),
    });
    if (response.status !== 202) throw new Error(`report ${serial} got HTTP ${response.status}`);
  }
}
