import { describe, expect, it, vi } from 'vitest';
import { createPageHandlers } from './page.ts';
import { somePageMarkers } from '../../../tests/support/builders.ts';

const markers = somePageMarkers();
const page = { tabId: 9, url: 'https://a.example/' };

function setup() {
  const events = { onPageReport: vi.fn(async () => undefined), onPageRestored: vi.fn(async () => undefined) };
  return { handlers: createPageHandlers(events), ...events };
}

describe('page handlers', () => {
  it("page/report hands the report to the tab's events", async () => {
    const { handlers, onPageReport } = setup();
    await handlers['page/report']({ markers, status: 403, sequence: 0 }, page);
    expect(onPageReport).toHaveBeenCalledWith(9, 'https://a.example/', markers, 403);
  });

  it('page/restored replaces the state of a tab that came back from the back/forward cache', async () => {
    const { handlers, onPageRestored } = setup();
    await handlers['page/restored']({ status: 200 }, page);
    expect(onPageRestored).toHaveBeenCalledWith(9, 'https://a.example/', 200);
  });
});
