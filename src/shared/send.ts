/**
 * Sends a message to the background. Kept apart from the route table (messages.ts) and importing only its types, so
 * the content script, which has a size budget, does not load the schemas.
 */
import { browser } from './browser.ts';
import type { Envelope, MessageType, Refusal, RefusalReason, RequestOf, ResponseOf } from './messages.ts';

/** The background refused the message (see RefusalReason); the request was not acted on. */
export class MessageRefused extends Error {
  constructor(
    readonly type: MessageType,
    readonly reason: RefusalReason,
  ) {
    super(`${type} refused: ${reason}`);
    this.name = 'MessageRefused';
  }
}

function isRefusal(answer: unknown): answer is Refusal {
  return typeof answer === 'object' && answer !== null && (answer as { error?: unknown }).error === 'refused';
}

/** @returns the typed answer; rejects with MessageRefused when the background refused the message. */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer: unknown = await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>);
  if (isRefusal(answer)) throw new MessageRefused(type, answer.reason);
  return answer as ResponseOf<K>;
}

/** For senders to whom a refusal is an answer like any other (a dropped page report needs no retry). */
export function ignoreRefusal(error: unknown): void {
  if (!(error instanceof MessageRefused)) throw error;
}
