// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RadarView } from './load-radar.ts';
import { type RadarState, REFRESH_MS, useRadar } from './use-radar.ts';

const VIEW: RadarView = { minute: 1, vendors: [], details: new Map() };
let hidden = false;
let seen: RadarState | null = null;

function Probe({ load }: { load: () => Promise<RadarView> }) {
  seen = useRadar(load, () => Date.now());
  return null;
}

/** Lets the load's promise settle and the state update render. */
const settle = () => act(async () => {});
/** Moves the fake clock on, running the timers due meanwhile and what they start. */
const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

async function setHidden(value: boolean) {
  hidden = value;
  await act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  hidden = false;
  seen = null;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
});
afterEach(() => {
  render(null, document.body);
  vi.useRealTimers();
});

describe('useRadar', () => {
  it('asks every 30 s while visible, not at all while hidden, and at once on return after a missed turn', async () => {
    const load = vi.fn(async () => VIEW);
    await act(() => render(h(Probe, { load }), document.body));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    await wait(REFRESH_MS);
    expect(load).toHaveBeenCalledTimes(2);

    await setHidden(true);
    await wait(10 * REFRESH_MS);
    expect(load).toHaveBeenCalledTimes(2);

    await setHidden(false);
    await settle();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('waits out the rest of the turn when the tab comes back early', async () => {
    const load = vi.fn(async () => VIEW);
    await act(() => render(h(Probe, { load }), document.body));
    await settle();
    await setHidden(true);
    await wait(REFRESH_MS / 3);
    await setHidden(false);
    expect(load).toHaveBeenCalledTimes(1);
    await wait(REFRESH_MS - REFRESH_MS / 3);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the last answer and marks the failure when a refresh fails', async () => {
    const load = vi.fn<() => Promise<RadarView>>().mockResolvedValueOnce(VIEW).mockRejectedValue(new Error('HTTP 503'));
    await act(() => render(h(Probe, { load }), document.body));
    await settle();
    expect(seen).toMatchObject({ view: VIEW, failedAt: null, isLoading: false });
    const updatedAt = seen!.updatedAt;
    await wait(REFRESH_MS);
    await settle();
    expect(seen).toMatchObject({ view: VIEW, updatedAt, failedAt: Date.now(), isLoading: false });
  });
});
