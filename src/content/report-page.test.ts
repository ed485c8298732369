// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMarkers } from '../core/detect/types.ts';
import { reportAndWatch } from './report-page.ts';

beforeEach(() => {
  vi.useFakeTimers();
  document.title = 'Just a moment...';
  document.body.innerHTML = '<div id="challenge-error-text"></div>';
});
afterEach(() => vi.useRealTimers());

describe('reportAndWatch', () => {
  it('reports at once, and again when challenge text is drawn late', async () => {
    const report = vi.fn(async (_markers: PageMarkers, _sequence: number) => undefined);
    reportAndWatch(document, report, () => false);
    expect(report).toHaveBeenCalledTimes(1);
    document.getElementById('challenge-error-text')!.textContent =
      'Please unblock challenges.cloudflare.com to proceed.';
    await vi.advanceTimersByTimeAsync(500);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[1]?.[0].text).toContain('Please unblock challenges.cloudflare.com');
  });

  it('retries a send that failed while the extension is still there', async () => {
    const report = vi
      .fn()
      .mockRejectedValueOnce(new Error('Could not establish connection'))
      .mockResolvedValue(undefined);
    reportAndWatch(document, report, () => false);
    await vi.advanceTimersByTimeAsync(1100);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[1]?.[1]).toBe(1);
  });

  it('goes quiet for good when orphaned', async () => {
    const report = vi.fn().mockRejectedValue(new Error('Extension context invalidated'));
    reportAndWatch(document, report, () => true);
    document.body.append('changed');
    await vi.advanceTimersByTimeAsync(5000);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('stops watching after its bound, whatever the page does', async () => {
    const report = vi.fn(async () => undefined);
    reportAndWatch(document, report, () => false);
    await vi.advanceTimersByTimeAsync(21_000);
    document.body.append('late change');
    await vi.advanceTimersByTimeAsync(1000);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
