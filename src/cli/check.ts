/**
 * `npm run --silent check -- URL [--json] [--resolve HOST=IP:PORT]... [--insecure] [--config FILE]`
 * Runs the extension's diagnosis engine from Node: loads the page, gathers the same evidence with real fetch, and
 * prints the verdict. Exit codes: 0 verdict printed, 2 bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import { decide } from '../core/diagnose/decide.ts';
import { gatherFacts } from '../core/diagnose/gather.ts';
import { createStatusFetcher } from '../core/status/fetch-status.ts';
import { fetchSiteStatus } from '../core/status/site-status.ts';
import { statusSourcesFor } from '../core/status/vendors.ts';
import { loadCheckConfig } from './check-config.ts';
import { loadPage } from './fetch-page.ts';
import { createNodeFetch, parseResolve } from './node-fetch.ts';
import { renderVerdictText } from './render-text.ts';

function fail(message: string): never {
  process.stderr.write(
    `check: ${message}\nusage: check URL [--json] [--resolve HOST=IP:PORT]... [--insecure] [--config FILE]\n`,
  );
  process.exit(2);
}

/** Runs a step whose exception means the command line or the configuration is wrong. */
function orFail<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function main() {
  const parsed = orFail(() =>
    parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        insecure: { type: 'boolean' },
        resolve: { type: 'string', multiple: true },
        config: { type: 'string' },
      },
    }),
  );
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) fail('give exactly one URL');
  const url = orFail(() => {
    if (!URL.canParse(target)) throw new Error(`not a URL: ${target}`);
    return new URL(target);
  });
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('only http and https URLs can be checked');
  const config = orFail(() => loadCheckConfig(parsed.values.config ?? process.env.CULPRIT_CONFIG));
  const resolve = orFail(() => new Map((parsed.values.resolve ?? []).map(parseResolve)));

  const fetch = createNodeFetch({ resolve, insecure: parsed.values.insecure === true });
  const timeout = (ms: number) => AbortSignal.timeout(ms);
  const statuses = createStatusFetcher({ fetch, now: Date.now, timeout });
  const loaded = await loadPage(fetch, url.href, config.probes.timeoutMs);
  const facts = await gatherFacts(
    {
      fetch,
      config: config.probes,
      now: () => performance.now(),
      timeout,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      vendorStatus: (vendor) => statuses.get(statusSourcesFor(vendor, { baseUrls: config.statusBaseUrls })[0]!),
      siteStatus: (site) => fetchSiteStatus(statuses.get, site, { baseUrls: config.statusBaseUrls }),
      correlation: async () => ({ hosts: 1, sameColo: false }), // a one-off check has no browsing history to correlate
    },
    url.href,
    loaded.page,
  );
  const verdict = decide(facts, Date.now());
  let answer: string;
  if (parsed.values.json) {
    const sources = Object.fromEntries(Object.entries(verdict.sources).map(([name, s]) => [name, s.state]));
    const { culprit, vendor, colo, confidence, rule, acknowledged } = verdict;
    const { status, detection, networkError } = loaded;
    const summary = { culprit, vendor, colo, confidence, rule, acknowledged, sources, status, detection, networkError };
    answer = `${JSON.stringify({ ...summary, verdict })}\n`;
  } else {
    answer = `${url.host}: HTTP ${loaded.status ?? loaded.networkError}\n${renderVerdictText(verdict)}\n`;
  }
  // The answer is complete: requests to hosts that hang (aborted, but their sockets linger in undici's pool until
  // they time out) must not keep the process alive for seconds after it.
  process.stdout.write(answer, () => process.exit(0));
}

void main().catch((error: unknown) => {
  process.stderr.write(`check: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
