/**
 * Read a fetch Response body without ever holding more than `maxBytes`, and give up when `signal` aborts
 * (a server that trickles bytes must not hold the diagnosis hostage past its time budget).
 */

export type BoundedRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; timedOut: boolean };

const tooLarge = (maxBytes: number): BoundedRead => ({
  ok: false,
  reason: `body too large (> ${maxBytes} bytes)`,
  timedOut: false,
});

function whenAborted(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Read `response`'s body up to `maxBytes`; refuse early when Content-Length already says it is larger.
 * @example await readBounded(response, 5_000_000, AbortSignal.timeout(3000))
 */
export async function readBounded(response: Response, maxBytes: number, signal: AbortSignal): Promise<BoundedRead> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge(maxBytes);
  }
  if (response.body === null) return { ok: true, bytes: new Uint8Array() };
  const reader = response.body.getReader();
  const aborted = whenAborted(signal);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), aborted]);
      if (next === 'aborted') {
        void reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'body did not arrive in time', timedOut: true };
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > maxBytes) {
        void reader.cancel().catch(() => undefined);
        return tooLarge(maxBytes);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    return { ok: false, reason: `body read failed: ${String(error)}`, timedOut: signal.aborted };
  }
  return { ok: true, bytes: concat(chunks, total) };
}
