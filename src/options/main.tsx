import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { applyPageLanguage } from '../shared/page-language.ts';
import { extensionStorage } from '../shared/storage/extension-storage.ts';
import { readSettings } from '../shared/storage/settings-store.ts';
import { Options } from './Options.tsx';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const settings = await readSettings(extensionStorage);
  await applyPageLanguage(settings.language);
  document.title = `${t('options_title')} · Culprit`;
  render(<Options initial={settings} />, root);
}

void main();
