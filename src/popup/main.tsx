import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { applyPageLanguage } from '../shared/page-language.ts';
import { readSettings } from '../shared/settings.ts';
import { Popup } from './Popup.tsx';

/** `popup.html?tab=ID` shows that tab (tests, links from notifications); otherwise the active tab of this window. */
async function resolveTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const [settings, tabId] = await Promise.all([readSettings(browser.storage.sync), resolveTabId()]);
  await applyPageLanguage(settings.language);
  render(<Popup tabId={tabId} archiveLookup={settings.archiveLookup} />, root);
}

void main();
