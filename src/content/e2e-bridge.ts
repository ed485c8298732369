/**
 * Test-only bridge, compiled in only when VITE_E2E=1: WebDriver BiDi cannot navigate to moz-extension:// pages,
 * so an E2E test asks the page to ask us to open one. The reader carries it into the pages it is injected into, and
 * e2e-control.ts into the harness's control page, which is normal and gets no reader. Production builds do not
 * contain this.
 */
import { send } from '../shared/send.ts';

/** Marks the page so that an E2E test can tell, from the page itself, that the reader went into it. */
export function markReaderPresent(doc: Document): void {
  doc.documentElement.setAttribute('data-culprit-e2e-reader', '');
}

export function installE2eBridge(win: Window): void {
  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; path?: unknown } | null;
    if (event.source !== win || data?.type !== 'culprit-e2e/open' || typeof data.path !== 'string') return;
    void send('e2e/open', { path: data.path }).catch(() => undefined);
  });
}
