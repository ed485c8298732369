/**
 * A simulated install of the extension, made of the real client code: the page's facts and the probes' answers come
 * from the replay (world.ts), and from there on it is the extension's own path. Local correlation
 * (core/diagnose/correlation.ts), the CDN radar client, the decision table (`decide`), the report policy
 * (`reportFor`, `isReportDue`, `recordReport`), the daily client id and the peer client that hashes the site and
 * posts the report all run unchanged.
 */
import { webcrypto } from 'node:crypto';
import { correlationKey } from '../../src/core/diagnose/correlation-key.ts';
import {
  correlate,
  type FailureRecord,
  isConfirmedFailure,
  isCorrelatedKind,
  recordFailure,
} from '../../src/core/diagnose/correlation.ts';
import { decide } from '../../src/core/diagnose/decide.ts';
import type { Facts, PageFacts, SourceState, Verdict, VendorStatusFacts } from '../../src/core/diagnose/types.ts';
import type { Fetch } from '../../src/core/fetch.ts';
import { createPeerClient } from '../../src/core/peer/client.ts';
import { currentClientId, type StoredClientId } from '../../src/core/peer/client-id.ts';
import { isReportDue, recordReport, reportFor } from '../../src/core/peer/report-policy.ts';
import { createRadarClient, type RadarFacts } from '../../src/core/radar/radar-client.ts';
import { publicSiteOf } from '../../src/core/registrable-domain.ts';
import type { Install } from './population.ts';
import type { Random } from './prng.ts';
import type { Site } from './sites.ts';
import type { PageOutcome } from './world.ts';

/** What one install keeps between page loads (in the extension: storage.local and storage.session). */
export interface ClientState {
  install: Install;
  sent: Record<string, number>;
  failures: FailureRecord[];
  clientId: StoredClientId | null;
}

export const newClientState = (install: Install): ClientState => ({ install, sent: {}, failures: [], clientId: null });

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  new Uint8Array(await webcrypto.subtle.digest('SHA-256', bytes));
const OK: SourceState = { state: 'ok', ms: 50 };
const timeout = (ms: number) => AbortSignal.timeout(ms);

/**
 * @param fetchFrom the service's fetch, as seen from one client address.
 * @example const extension = createExtension({ fetchFrom, endpoint: 'http://radar.sim/v1', random });
 */
export function createExtension(deps: { fetchFrom: (ip: string) => Fetch; endpoint: string; random: Random }) {
  /** The diagnosis of one failed page load, as the background would run it, with the radar asked. */
  async function diagnose(
    client: ClientState,
    site: Site,
    outcome: PageOutcome,
    now: number,
    status: VendorStatusFacts | null,
  ): Promise<{ verdict: Verdict; page: PageFacts }> {
    const { install } = client;
    const colo = site.vendor === 'cloudflare' ? install.colo : null;
    const page: PageFacts = {
      kind: outcome.kind,
      vendor: site.vendor,
      colo,
      code: outcome.code,
      unconfirmed: false,
      network: null,
    };
    const key = correlationKey(site.host);
    if (key !== null && isCorrelatedKind(page.kind) && isConfirmedFailure(outcome.refetch)) {
      const record = { site: key, chain: key, vendor: site.vendor, colo, kind: page.kind, at: now };
      client.failures = recordFailure(client.failures, record, now);
    }
    const subject = { site: key ?? site.host, chain: key ?? site.host, vendor: site.vendor, colo };
    let radar: RadarFacts | null = null;
    let radarSource: SourceState = OK;
    try {
      const lookup = createRadarClient({ fetch: deps.fetchFrom(install.ip), timeout });
      radar = await lookup.lookup([deps.endpoint], site.vendor, colo);
    } catch (error) {
      radarSource = { state: 'failed', ms: 50, reason: String(error) };
    }
    const facts: Facts = {
      host: site.host,
      page,
      vendorStatus: status,
      siteStatus: null,
      probes: {
        origin: outcome.refetch,
        trace: site.vendor === 'cloudflare' ? { colo, warp: false, gateway: false } : null,
        control: null,
        connectivity: { ok: 2, failed: 0 },
        doh: null,
      },
      correlation: correlate(client.failures, subject, now),
      peers: null,
      radar,
      sources: {
        page: OK,
        'vendor-status': OK,
        'origin-probe': OK,
        'trace-probe': OK,
        connectivity: OK,
        correlation: OK,
        peers: { state: 'skipped', ms: 0 },
        radar: radarSource,
      },
    };
    return { verdict: decide(facts, now), page };
  }

  /** Diagnoses the page and, when the report policy allows, reports it. @returns whether a report was counted. */
  async function visitFailedPage(
    client: ClientState,
    site: Site,
    outcome: PageOutcome,
    now: number,
    status: VendorStatusFacts | null,
  ): Promise<boolean> {
    const { verdict, page } = await diagnose(client, site, outcome, now, status);
    const fields = reportFor(verdict, page);
    const registrable = publicSiteOf(site.host);
    if (!fields || registrable === null || !isReportDue(client.sent, registrable, now)) return false;
    client.sent = recordReport(client.sent, registrable, now);
    const id = currentClientId(client.clientId, now, (count) =>
      Uint8Array.from({ length: count }, () => deps.random.below(256)),
    );
    client.clientId = id.clientId;
    const peers = createPeerClient({ fetch: deps.fetchFrom(client.install.ip), sha256, timeout });
    return peers.submit([deps.endpoint], registrable, { ...fields, clientId: id.clientId.id });
  }

  return { diagnose, visitFailedPage };
}
