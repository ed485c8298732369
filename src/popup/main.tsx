import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { send } from '../shared/send.ts';
import { applyPageLanguage, preloadLastLanguage } from '../shared/page-language.ts';
import { extensionStorage } from '../shared/storage/extension-storage.ts';
import { readSettings } from '../shared/storage/settings-store.ts';
import { Popup } from './Popup.tsx';

/** `popup.html?tab=ID` shows that tab (tests, links from notifications); otherwise the active tab of this window. */
async function resolveTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/**
 * The tab's report and the language are fetched at once, and the popup renders once with both: the stored verdict
 * is on screen in the first frame instead of after a loading render and a second round trip (bench:popup).
 */
async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  preloadLastLanguage();
  const tab = resolveTabId().then(async (tabId) => ({
    tabId,
    // A refused or failed first answer renders the popup anyway; it then shows the failure (use-tab-report.ts).
    report: tabId === null ? null : await send('tab/get', { tabId }).catch(() => null),
  }));
  const settings = readSettings(extensionStorage).then(async (s) => {
    await applyPageLanguage(s.language);
    return s;
  });
  const [{ tabId, report }, { archiveLookup, peerReports }] = await Promise.all([tab, settings]);
  render(<Popup tabId={tabId} archiveLookup={archiveLookup} peerReports={peerReports} initial={report} />, root);
}

void main();
