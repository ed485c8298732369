import { render } from 'preact';
import { App, LANGUAGE_KEY } from './App.tsx';
import { loadRadar } from './load-radar.ts';
import { type Language, LANGUAGES, pickLanguage } from './messages.ts';
import './style.css';

/** The reader's earlier choice on this page, if storage allows reading it. */
function chosenLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return LANGUAGES.find((language) => language === stored) ?? null;
  } catch {
    return null;
  }
}

const load = (signal: AbortSignal) => loadRadar((url, init) => fetch(url, init), '/v1', signal);
render(
  <App load={load} language={chosenLanguage() ?? pickLanguage(navigator.languages)} />,
  document.getElementById('app')!,
);
