/**
 * The browser's side of local correlation (core/diagnose/correlation.ts): the log of confirmed failures in
 * storage.session, written only once the diagnosis' own re-fetch has failed too, and read to count this page with them.
 */
import { correlationKey, type CorrelationKeyOptions } from '../core/diagnose/correlation-key.ts';
import {
  correlate,
  isConfirmedFailure,
  isCorrelatedKind,
  isErrorStatus,
  recordFailure,
} from '../core/diagnose/correlation.ts';
import { SourceSkipped } from '../core/diagnose/run-source.ts';
import type { CorrelationFacts, PageFacts, ProbeFacts } from '../core/diagnose/types.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import { keys } from '../shared/storage/keys.ts';
import type { TypedStorage } from '../shared/storage/storage.ts';
import type { TabState } from '../shared/tab-state.ts';

export interface FailureLogDeps {
  storage: TypedStorage;
  now: () => number;
  /** Which host names count as public sites; only the E2E build widens it (index.ts). */
  correlationKeys?: CorrelationKeyOptions;
}

export function createFailureLog({ storage, now, correlationKeys }: FailureLogDeps) {
  /** Tabs finishing their re-fetches together must not overwrite each other's failure in the log. */
  const queue = createKeyedQueue<typeof keys.failures>();

  /**
   * Counts this page with the confirmed failures of the last minutes, after logging it when its re-fetch failed too.
   * A page whose status is not an error, or whose host has no public key, neither counts nor is logged.
   * @param chainRoot the counting key of the page that started the chain the page was reached by, if any
   */
  return async function correlationFor(
    state: TabState,
    page: PageFacts,
    chainRoot: Promise<string | null>,
    refetch: ProbeFacts['origin'],
  ): Promise<CorrelationFacts> {
    const site = correlationKey(state.host, correlationKeys);
    if (!isErrorStatus(state.status)) throw new SourceSkipped('the page came with no error status');
    if (site === null) throw new SourceSkipped('not a public site name');
    const subject = { site, chain: (await chainRoot) ?? site, vendor: page.vendor, colo: page.colo };
    return queue.run(keys.failures, async () => {
      let log = await storage.read(keys.failures);
      const at = now();
      if (page.vendor && isCorrelatedKind(page.kind) && !page.unconfirmed && isConfirmedFailure(refetch)) {
        log = recordFailure(log, { ...subject, vendor: page.vendor, kind: page.kind, at }, at);
        await storage.write(keys.failures, log);
      }
      return correlate(log, subject, at);
    });
  };
}
