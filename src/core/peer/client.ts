/**
 * The peer-report client: "do other people see this site failing?" and "I see it failing". Pure: fetch, SHA-256 and
 * the clock are injected. A lookup sends only the 4-hex prefix of the site's hash and finds the site locally in the
 * padded answer; a report sends the full hash and what failed. Neither ever carries a URL, a path or the host.
 */
import * as v from 'valibot';
import type { Fetch } from '../fetch.ts';
import type { PeerFacts } from '../diagnose/types.ts';
import { publicSiteOf } from '../registrable-domain.ts';
import { API_INIT, expectStatus, getJson, readJson } from './api-request.ts';
import { apiUrl, firstAnswer } from './failover.ts';
import { hashHost, prefixOf, type Sha256 } from './host-hash.ts';
import { matchOwnHost, MAX_PREFIX_RESPONSE_BYTES } from './prefix-response.ts';
import { ReportSchema, type Report } from './wire.ts';

export interface PeerClientDeps {
  fetch: Fetch;
  sha256: Sha256;
  /** An AbortSignal that fires after `ms`. */
  timeout: (ms: number) => AbortSignal;
  /** Bound of one attempt at one server; default LOOKUP_ATTEMPT_MS / REPORT_ATTEMPT_MS. */
  attemptMs?: number;
}

/** Two servers fit in the diagnosis' 3 s source bound: a hanging first one still leaves the second 1.5 s. */
const LOOKUP_ATTEMPT_MS = 1500;
/** Reports run after the verdict, outside any diagnosis bound. */
const REPORT_ATTEMPT_MS = 2000;

const MAX_REPORT_ANSWER_BYTES = 2048;
const ReportAcceptedSchema = v.object({ ok: v.literal(true), data: v.object({ counted: v.boolean() }) });

/** What a report says besides the site, which the client hashes itself. */
export type ReportDraft = Omit<Report, 'hostHash'>;

async function siteHash(host: string, sha256: Sha256): Promise<string> {
  const site = publicSiteOf(host);
  if (site === null) throw new Error('not a public site');
  return hashHost(site, sha256);
}

/**
 * @example
 * const peers = createPeerClient({ fetch, sha256, timeout: (ms) => AbortSignal.timeout(ms) });
 * await peers.lookup(['https://peers.example'], 'shop.co.kr', signal);
 * // { state: 'outage', count15: 38, ratio: 12 } | null
 */
export function createPeerClient(deps: PeerClientDeps) {
  /**
   * @returns the site's counts, or null when no server lists it (nobody reported it in the last hour).
   * @throws when no server gave a valid answer, or the host is not a public site.
   */
  async function lookup(endpoints: readonly string[], host: string, signal?: AbortSignal): Promise<PeerFacts | null> {
    const ownHash = await siteHash(host, deps.sha256);
    const prefix = prefixOf(ownHash);
    const options = { timeout: deps.timeout, attemptMs: deps.attemptMs ?? LOOKUP_ATTEMPT_MS, signal };
    return firstAnswer(endpoints, options, async (endpoint, bound) => {
      const body = await getJson(deps.fetch, apiUrl(endpoint, `prefix/${prefix}`), MAX_PREFIX_RESPONSE_BYTES, bound);
      return matchOwnHost(body, prefix, ownHash);
    });
  }

  /**
   * @returns whether the server counted it (false: this client already reported the site in the last 10 minutes).
   * @throws when no server accepted it.
   */
  async function submit(
    endpoints: readonly string[],
    host: string,
    draft: ReportDraft,
    signal?: AbortSignal,
  ): Promise<boolean> {
    // Validated before it leaves, so a bad colo or code cannot make every server refuse it, and no stray field rides
    // along.
    const report = v.parse(ReportSchema, { ...draft, hostHash: await siteHash(host, deps.sha256) });
    const body = JSON.stringify(report);
    const options = { timeout: deps.timeout, attemptMs: deps.attemptMs ?? REPORT_ATTEMPT_MS, signal };
    return firstAnswer(endpoints, options, async (endpoint, bound) => {
      const init: RequestInit = {
        ...API_INIT,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: bound,
      };
      const response = await deps.fetch(apiUrl(endpoint, 'reports'), init);
      expectStatus(response, 202);
      const answer = v.safeParse(ReportAcceptedSchema, await readJson(response, MAX_REPORT_ANSWER_BYTES, bound));
      if (!answer.success) throw new Error('invalid report answer');
      return answer.output.data.counted;
    });
  }

  return { lookup, submit };
}

export type PeerClient = ReturnType<typeof createPeerClient>;
