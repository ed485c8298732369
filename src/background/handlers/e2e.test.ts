import { describe, expect, it, vi } from 'vitest';
import { createE2eHandlers } from './e2e.ts';

describe('e2e/open', () => {
  it("opens the page, with tab=self naming the sender's tab", async () => {
    const openPage = vi.fn(async () => undefined);
    const handlers = createE2eHandlers(openPage);
    await handlers['e2e/open']({ path: 'popup.html?tab=self' }, { tabId: 9, url: 'http://control.test/' });
    await handlers['e2e/open']({ path: 'history.html' }, { tabId: 9, url: 'http://control.test/' });
    expect(openPage.mock.calls).toEqual([['popup.html?tab=9'], ['history.html']]);
  });
});
