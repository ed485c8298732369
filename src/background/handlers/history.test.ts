import { describe, expect, it, vi } from 'vitest';
import { createHistoryHandlers } from './history.ts';

const page = { tabId: 5, url: 'chrome-extension://ext/history.html' };

describe('history handlers', () => {
  it('history/list answers with the log and history/clear empties it', async () => {
    const history = { list: vi.fn(async () => []), clear: vi.fn(async () => undefined) };
    const handlers = createHistoryHandlers(history);
    expect(await handlers['history/list']({}, page)).toEqual([]);
    expect(await handlers['history/clear']({}, page)).toBeUndefined();
    expect(history.clear).toHaveBeenCalledTimes(1);
  });
});
