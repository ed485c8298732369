import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { applyPageLanguage } from '../shared/page-language.ts';
import { readSettings } from '../shared/settings.ts';
import { Options } from './Options.tsx';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const settings = await readSettings(browser.storage.sync);
  await applyPageLanguage(settings.language);
  document.title = `${t('options_title')} · Culprit`;
  render(<Options initial={settings} />, root);
}

void main();
