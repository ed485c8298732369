import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { applyPageLanguage } from '../shared/page-language.ts';
import { HistoryPage } from './HistoryPage.tsx';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  await applyPageLanguage();
  document.title = `${t('history_title')} · Culprit`;
  render(<HistoryPage />, root);
}

void main();
