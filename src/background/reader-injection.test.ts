import { describe, expect, it, vi } from 'vitest';
import { createLoadGate, LOAD_WAIT_MS } from './load-gate.ts';
import { createReaderInjection } from './reader-injection.ts';

const CF_522 = [
  ['server', 'cloudflare'],
  ['cf-ray', '8a1b2c3d4e5f6789-ICN'],
] as const;

/** The reader injection behind the load gate, told of each event in the order navigation-listeners.ts tells them. */
function world(title = 'Spring sale | shop.example') {
  const timers: Array<{ ms: number; task: () => void }> = [];
  const loads = createLoadGate({ schedule: (ms, task) => void timers.push({ ms, task }) });
  const deps = {
    inject: vi.fn(async (_tabId: number) => undefined),
    titleOf: vi.fn(async (_tabId: number) => title),
    onRestored: vi.fn(async () => undefined),
    whenLoaded: loads.whenLoaded,
  };
  const injection = createReaderInjection(deps);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const reader = {
    onHeaders: async (details: ReturnType<typeof headers>) => {
      loads.onResponse(details.tabId, details.timeStamp);
      await injection.onHeaders(details);
      await settle();
    },
    onCommitted: injection.onCommitted,
    onCompleted: async (details: ReturnType<typeof complete>) => {
      if (details.frameId === 0) loads.onDone(details.tabId, details.timeStamp);
      await injection.onCompleted(details);
      await settle();
    },
  };
  /** Runs the timers set so far, as if LOAD_WAIT_MS had passed. */
  const runTimers = async () => {
    for (const { ms, task } of timers.splice(0)) {
      expect(ms).toBe(LOAD_WAIT_MS);
      task();
    }
    await settle();
  };
  return { deps, reader, runTimers };
}

const headers = (url: string, statusCode: number, timeStamp: number) => ({
  tabId: 3,
  url,
  statusCode,
  timeStamp,
  headers: statusCode >= 500 ? [...CF_522] : [['server', 'nginx'] as const],
});
const commit = (timeStamp: number, transitionQualifiers: string[] = []) => ({
  tabId: 3,
  frameId: 0,
  timeStamp,
  transitionQualifiers,
});
/** Loads end well after every response in these tests, so none of them reads as a late event of a loaded page. */
const complete = (url: string, timeStamp = 1000) => ({ tabId: 3, frameId: 0, url, timeStamp });

describe('createReaderInjection', () => {
  it('reads a failing page once its document has loaded, not while it loads', async () => {
    const { deps, reader, runTimers } = world();
    reader.onHeaders(headers('https://shop.example/', 522, 100));
    await reader.onCommitted(commit(110));
    expect(deps.inject).not.toHaveBeenCalled();
    await reader.onCompleted(complete('https://shop.example/'));
    expect(deps.inject.mock.calls).toEqual([[3]]);
    await runTimers();
    expect(deps.inject).toHaveBeenCalledTimes(1);
  });

  it('reads a failing page that is still loading READ_WAIT_MS after its commit, once', async () => {
    const { deps, reader, runTimers } = world();
    reader.onHeaders(headers('https://shop.example/', 522, 100));
    await reader.onCommitted(commit(110));
    await runTimers();
    expect(deps.inject.mock.calls).toEqual([[3]]);
    await reader.onCompleted(complete('https://shop.example/'));
    expect(deps.inject).toHaveBeenCalledTimes(1);
  });

  it('leaves a normal page alone: no injection and no restore', async () => {
    const { deps, reader } = world();
    reader.onHeaders(headers('https://shop.example/', 200, 100));
    await reader.onCommitted(commit(110));
    await reader.onCompleted(complete('https://shop.example/'));
    expect(deps.inject).not.toHaveBeenCalled();
    expect(deps.onRestored).not.toHaveBeenCalled();
  });

  it('reads a 200 page whose title is an error template once it has loaded', async () => {
    const { deps, reader } = world('shop.example | 522: Connection timed out');
    reader.onHeaders(headers('https://shop.example/', 200, 100));
    await reader.onCommitted(commit(110));
    await reader.onCompleted(complete('https://shop.example/'));
    expect(deps.inject.mock.calls).toEqual([[3]]);
  });

  it('does not carry a failing response over to a later commit that had no response of its own', async () => {
    const { deps, reader, runTimers } = world();
    reader.onHeaders(headers('https://shop.example/', 522, 100));
    await reader.onCommitted(commit(110));
    await reader.onCommitted(commit(200));
    await reader.onCompleted(complete('https://shop.example/#top'));
    await runTimers();
    expect(deps.inject).not.toHaveBeenCalled();
  });

  it('tells a back/forward commit with no response as a restore, with the status that URL had', async () => {
    const { deps, reader } = world();
    reader.onHeaders(headers('https://ok.example/', 200, 100));
    await reader.onCommitted(commit(110));
    reader.onHeaders(headers('https://down.example/', 522, 300));
    await reader.onCommitted(commit(310));
    await reader.onCommitted(commit(500, ['forward_back']));
    await reader.onCompleted(complete('https://ok.example/'));
    expect(deps.onRestored.mock.calls).toEqual([
      [3, 'https://ok.example/', 200, { startedAt: 500, shownAt: 500, cached: true }],
    ]);
  });

  it('does not call a back/forward navigation that made a request a restore', async () => {
    const { deps, reader } = world();
    await reader.onCommitted(commit(110));
    reader.onHeaders(headers('https://ok.example/', 200, 480));
    await reader.onCommitted(commit(500, ['forward_back']));
    await reader.onCompleted(complete('https://ok.example/'));
    expect(deps.onRestored).not.toHaveBeenCalled();
  });

  it('reads a failing page whose header event is delivered after its commit', async () => {
    const { deps, reader } = world();
    await reader.onCommitted(commit(50));
    await reader.onCommitted(commit(110));
    await reader.onHeaders(headers('https://shop.example/', 522, 100));
    await reader.onCompleted(complete('https://shop.example/'));
    expect(deps.inject.mock.calls).toEqual([[3]]);
  });

  it('reads at once a failing page whose header event is delivered after it has loaded', async () => {
    const { deps, reader } = world();
    await reader.onCommitted(commit(50));
    await reader.onCommitted(commit(110));
    await reader.onCompleted(complete('https://shop.example/'));
    await reader.onHeaders(headers('https://shop.example/', 522, 100));
    expect(deps.inject.mock.calls).toEqual([[3]]);
  });

  it('does not read the current page for a late header event of the document before it', async () => {
    const { deps, reader } = world();
    await reader.onCommitted(commit(50));
    await reader.onCommitted(commit(110));
    await reader.onHeaders(headers('https://old.example/', 522, 40));
    expect(deps.inject).not.toHaveBeenCalled();
  });

  it('ignores frames other than the top one', async () => {
    const { deps, reader } = world('Just a moment...');
    reader.onHeaders(headers('https://shop.example/', 522, 100));
    await reader.onCommitted({ ...commit(110), frameId: 4 });
    await reader.onCompleted({ ...complete('https://shop.example/'), frameId: 4 });
    expect(deps.inject).not.toHaveBeenCalled();
  });

  it('survives a tab that cannot take the script', async () => {
    const { deps, reader } = world();
    deps.inject.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    reader.onHeaders(headers('https://shop.example/', 522, 100));
    await reader.onCommitted(commit(110));
    await expect(reader.onCompleted(complete('https://shop.example/'))).resolves.toBeUndefined();
    expect(deps.inject).toHaveBeenCalledTimes(1);
  });
});
