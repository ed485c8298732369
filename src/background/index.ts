/**
 * Background entry: wiring only. Every listener is registered synchronously at top level, because an MV3 worker
 * woken by an event only delivers it to listeners that exist when the script first runs (adblockplus#1072).
 */
import { correlationKey } from '../core/diagnose/correlation-key.ts';
import { DEFAULT_PROBE_CONFIG } from '../core/diagnose/probe-config.ts';
import { probeOrigin } from '../core/diagnose/probes.ts';
import { createPeerClient } from '../core/peer/client.ts';
import { createStatusFetcher } from '../core/status/fetch-status.ts';
import { fetchSiteStatus } from '../core/status/site-status.ts';
import { statusSourcesFor } from '../core/status/vendors.ts';
import { browser } from '../shared/browser.ts';
import { applyLanguage } from '../shared/i18n.ts';
import { hasPeerConsent } from '../shared/peer-consent.ts';
import { extensionStorage as storage } from '../shared/storage/extension-storage.ts';
import { keys } from '../shared/storage/keys.ts';
import { readSettings } from '../shared/storage/settings-store.ts';
import { createChainRoots } from './chain-roots.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHeaderHold } from './e2e-header-hold.ts';
import { exposeE2eHooks } from './e2e-hooks.ts';
import { createE2eHandlers } from './handlers/e2e.ts';
import { createHistoryHandlers } from './handlers/history.ts';
import { createPageHandlers } from './handlers/page.ts';
import { createPeerHandlers } from './handlers/peer.ts';
import { createTabHandlers } from './handlers/tab.ts';
import { createWatchHandlers } from './handlers/watch.ts';
import { createHistory } from './history.ts';
import { createLoadGate } from './load-gate.ts';
import { listenToNavigations } from './navigation-listeners.ts';
import { createNotificationClicks } from './notification-clicks.ts';
import { createNotifier } from './notifications.ts';
import { createPeers } from './peers.ts';
import { createRadarSource } from './radar.ts';
import { createRadarClient } from '../core/radar/radar-client.ts';
import { createReaderInjection } from './reader-injection.ts';
import { renderBadge } from './render-badge.ts';
import { repaintWhenLoaded } from './repaint-on-load.ts';
import { createTabPipeline } from './tab-pipeline.ts';
import { createVerdictEffects } from './verdict-effects.ts';
import { createWatcher } from './watch.ts';

const settings = () => readSettings(storage);
const fetchFn = (url: string, init: RequestInit) => fetch(url, init);
const clock = {
  now: Date.now,
  timeout: (ms: number) => AbortSignal.timeout(ms),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
};
const statuses = createStatusFetcher({ fetch: fetchFn, now: Date.now, timeout: clock.timeout });

const history = createHistory({ storage, now: Date.now });
const notifier = createNotifier({
  storage,
  notifications: browser.notifications,
  isTabActive: async (tabId) => (await browser.tabs.get(tabId)).active,
  current: async (tabId) => ({
    state: await store.getState(tabId),
    verdict: (await diagnoser.getVerdict(tabId)).verdict,
  }),
  settings,
  applyLanguage,
  iconUrl: browser.runtime.getURL('icons/icon-128.png'),
  withButtons: import.meta.env.BROWSER !== 'firefox',
  now: Date.now,
});
const watcher = createWatcher({
  storage,
  alarms: browser.alarms,
  probe: (url, signal) => probeOrigin(fetchFn, url, signal),
  now: Date.now,
  timeout: clock.timeout,
  onBack: async (watch) => {
    await history.close(watch.host);
    await notifier.notifyBack(watch);
  },
});
const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const peers = createPeers({
  settings,
  storage,
  now: Date.now,
  isAllowed: hasPeerConsent,
  client: createPeerClient({ fetch: fetchFn, sha256, timeout: clock.timeout }),
  randomBytes: (count) => crypto.getRandomValues(new Uint8Array(count)),
});
const effects = createVerdictEffects({ history, notifier, watcher, peers });
// The E2E fakes' sites live under `.test`, which no registry lists; only that build counts them as public.
const correlationKeys = { publicTlds: import.meta.env.VITE_E2E === '1' ? ['test'] : [] };
const chains = createChainRoots({
  storage,
  getState: (tabId) => store.getState(tabId),
  keyOf: (host) => correlationKey(host, correlationKeys),
});
const schedule = (ms: number, task: () => void) => void setTimeout(task, ms);
const loads = createLoadGate({ schedule });
const pipeline = createTabPipeline({
  storage,
  now: Date.now,
  diagnosis: {
    ...clock,
    fetch: fetchFn,
    config: DEFAULT_PROBE_CONFIG,
    vendorStatus: (vendor) => statuses.get(statusSourcesFor(vendor)[0]!),
    siteStatus: (site) => fetchSiteStatus(statuses.get, site),
    peers: peers.lookup,
    radar: createRadarSource({ settings, client: createRadarClient({ fetch: fetchFn, timeout: clock.timeout }) }),
    correlationKeys,
    chainRoot: chains.rootOf,
  },
  draw: renderBadge,
  schedule,
  onSettled: effects.onSettled,
  onPageState: effects.onPageState,
  whenLoaded: loads.whenLoaded,
});
const { store, diagnoser, view, painter, lifeCycle } = pipeline;
const headerHold = import.meta.env.VITE_E2E === '1' ? createHeaderHold(pipeline.events, store.getState) : null;
const events = headerHold
  ? { ...pipeline.events, onMainFrameHeaders: headerHold.onMainFrameHeaders, onPageReport: headerHold.onPageReport }
  : pipeline.events;
const watchHandlers = createWatchHandlers({ ...view, watcher });
const clicks = createNotificationClicks({
  tabs: browser.tabs,
  focusWindow: (windowId) => browser.windows.update(windowId, { focused: true }),
  extensionUrl: (path) => browser.runtime.getURL(path),
  startWatch: watchHandlers.startForTab,
  clear: (id) => browser.notifications.clear(id),
});
const reader = createReaderInjection({
  // A build with the reader left out is what bench:pageload compares the production build against.
  inject: async (tabId) => {
    if (import.meta.env.VITE_NO_READER === '1') return;
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['reader.js'] });
  },
  titleOf: async (tabId) => (await browser.tabs.get(tabId)).title ?? '',
  onRestored: (tabId, url, status, shown) => events.onPageRestored(tabId, url, status, shown),
  whenLoaded: loads.whenLoaded,
});
listenToNavigations({ loads, reader, events, chains });
browser.tabs.onCreated.addListener((tab) => void chains.onTabCreated(tab));
browser.tabs.onRemoved.addListener(
  (tabId) =>
    void Promise.all([
      store.forget(tabId),
      diagnoser.forget(tabId),
      notifier.forget(tabId),
      lifeCycle.forget(tabId),
      chains.forget(tabId),
      reader.forget(tabId),
      loads.forget(tabId),
    ]),
);
repaintWhenLoaded(browser.tabs, async (tabId) => {
  const state = await store.getState(tabId);
  if (state && state.kind !== 'none') await painter.paint(tabId);
});
browser.tabs.onActivated.addListener(({ tabId }) => void notifier.onActivated(tabId));
browser.alarms.onAlarm.addListener((alarm) => void watcher.onAlarm(alarm));
// The handlers themselves, not wrappers, so the E2E build's hook can check it calls exactly what the browser calls.
browser.notifications.onClicked.addListener(clicks.onClicked);
// Firefox shows no buttons and older releases lack the event; `?.` keeps a missing event from stopping this script.
browser.notifications.onButtonClicked?.addListener(clicks.onButtonClicked);
if (import.meta.env.VITE_E2E === '1' && headerHold)
  exposeE2eHooks(globalThis, browser.notifications, clicks, headerHold.hooks);
// Alarms do not survive a browser restart everywhere, nor an update; the watches in storage.local do.
browser.runtime.onStartup.addListener(() => void watcher.restore());
browser.runtime.onInstalled.addListener(() => void watcher.restore());
// Badge titles and notifications follow the language setting, not only the browser's; turning peer reports off
// drops the daily id and the report times at once.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== keys.settings.area || !(keys.settings.key in changes)) return;
  void settings().then(async (s) => {
    await applyLanguage(s.language);
    if (!s.peerReports) await peers.forget();
  });
});

browser.runtime.onMessage.addListener(
  createDispatcher(
    {
      ...createPageHandlers(events),
      ...createTabHandlers({ ...view, diagnose: diagnoser.diagnose }),
      ...createPeerHandlers({ ...view, peers }),
      ...watchHandlers.handlers,
      ...createHistoryHandlers(history),
      ...(import.meta.env.VITE_E2E === '1' &&
        createE2eHandlers((path) => browser.tabs.create({ url: browser.runtime.getURL(path) }))),
    },
    {
      extensionId: browser.runtime.id,
      extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
      now: Date.now,
      ...((import.meta.env.DEV || import.meta.env.VITE_E2E === '1') && {
        onRefused: (type, reason, sender) => console.debug('culprit: refused', type, reason, sender),
      }),
    },
  ),
);

void settings().then((s) => applyLanguage(s.language));
void diagnoser.resume();
void lifeCycle.resume();
