// What the production worker asks of the browser while a page loads, counted rather than timed: every storage, badge,
// scripting, tabs and fetch call the worker makes is logged next to the browser events of the traced tab, and the
// calls between the page's main-frame response and its load (webNavigation.onCompleted) are counted. Ordering, not a
// clock, decides what counts, so the figure does not move with the machine's load. The log is a module imported ahead
// of the worker's own code, so its listeners hear each event before the worker's do, and a call the worker makes on
// hearing of the load counts as after it.
import { setTimeout as sleep } from 'node:timers/promises';
import { buildVariant } from './build-variant.mjs';

/** Runs in the worker, before its own code: wraps its browser calls so each one is logged. */
function installLog() {
  const log = [];
  globalThis.__culpritCalls = log;
  const wrap = (owner, name, label) => {
    const call = owner[name].bind(owner);
    owner[name] = (...args) => {
      log.push({ label, tabId: null });
      return call(...args);
    };
  };
  for (const area of ['session', 'local']) {
    for (const m of ['get', 'set', 'remove']) wrap(chrome.storage[area], m, `storage.${area}.${m}`);
  }
  for (const m of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle']) wrap(chrome.action, m, `action.${m}`);
  wrap(chrome.scripting, 'executeScript', 'scripting.executeScript');
  wrap(chrome.tabs, 'get', 'tabs.get');
  wrap(globalThis, 'fetch', 'fetch');
  const mark = (label) => (details) => log.push({ label, tabId: details.tabId, frameId: details.frameId ?? 0 });
  const mainFrame = { urls: ['<all_urls>'], types: ['main_frame'] };
  chrome.webRequest.onHeadersReceived.addListener(mark('response'), mainFrame);
  chrome.webNavigation.onCompleted.addListener(mark('loaded'));
}

/** Calls logged between the traced tab's response and its load, by label. */
function callsWhileLoading(log) {
  const start = log.findLastIndex((e) => e.label === 'response');
  if (start < 0) return null;
  const { tabId } = log[start];
  const end = log.findIndex((e, i) => i > start && e.label === 'loaded' && e.tabId === tabId && e.frameId === 0);
  if (end < 0) return null;
  const counts = {};
  for (const { label } of log.slice(start + 1, end).filter((e) => e.tabId === null)) {
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** Copies the production build at `prod` to `dir` with the log imported ahead of its worker. */
export function buildTraced(prod, dir) {
  return buildVariant(prod, dir, {
    files: { 'call-log.js': `(${installLog})();\n` },
    worker: (source) => `import './call-log.js';\n${source}`,
  });
}

/**
 * Loads each of `urls` (name → URL) once in `context`, a traced build's (buildTraced), and returns, by name, the
 * worker's calls to the browser while that page loaded.
 */
export async function traceLoads(context, urls) {
  const [worker] = context.serviceWorkers();
  const traced = {};
  for (const [name, url] of Object.entries(urls)) {
    // Timers of earlier pages (a reading's settling wait, 2 s) come due before this page's response.
    await sleep(3_000);
    await worker.evaluate(() => void (globalThis.__culpritCalls.length = 0));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await worker.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    traced[name] = callsWhileLoading(await worker.evaluate(() => globalThis.__culpritCalls));
    await page.close();
  }
  return traced;
}
