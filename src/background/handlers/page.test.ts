import { describe, expect, it, vi } from 'vitest';
import { createPageHandlers } from './page.ts';
import { aPageReport } from '../../../tests/support/builders.ts';

const page = { tabId: 9, url: 'https://a.example/' };

function setup() {
  const events = { onPageReport: vi.fn(async () => undefined), onPageRestored: vi.fn(async () => undefined) };
  return { handlers: createPageHandlers(events), ...events };
}

describe('page handlers', () => {
  it("page/report hands the report, with its document, to the tab's events", async () => {
    const { handlers, onPageReport } = setup();
    const report = aPageReport({ status: 403 });
    await handlers['page/report'](report, page);
    expect(onPageReport).toHaveBeenCalledWith(9, 'https://a.example/', report);
  });

  it('page/restored replaces the state of a tab that came back from the back/forward cache', async () => {
    const { handlers, onPageRestored } = setup();
    const document = { startedAt: 7000, shownAt: 7000 };
    await handlers['page/restored']({ status: 200, document }, page);
    expect(onPageRestored).toHaveBeenCalledWith(9, 'https://a.example/', 200, document);
  });
});
