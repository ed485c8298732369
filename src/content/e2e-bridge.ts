/**
 * Test-only bridge, compiled in only when VITE_E2E=1: WebDriver BiDi cannot navigate to moz-extension:// pages,
 * so an E2E test asks the page to ask us to open one. Production builds do not contain this.
 */
import { send } from '../shared/send.ts';

export function installE2eBridge(win: Window): void {
  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; path?: unknown } | null;
    if (event.source !== win || data?.type !== 'culprit-e2e/open' || typeof data.path !== 'string') return;
    void send('e2e/open', { path: data.path }).catch(() => undefined);
  });
}
