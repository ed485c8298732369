/**
 * The background's single onMessage listener. For every message it checks, in this order, that the route exists in
 * this build, that the sender may use the route's channel (and, for content scripts, is within its tab's rate),
 * and that the payload passes the route's schema; only then does the handler run, with the typed request and who
 * sent it. Anything refused gets the one Refusal answer, so handlers hold no trust checks of their own.
 */
import * as v from 'valibot';
import { createRateLimiter } from '../core/rate-limit.ts';
import type { Runtime } from '../shared/browser.ts';
import {
  type Channel,
  type ContentSender,
  type ExtensionSender,
  type Handlers,
  type MessageType,
  type Refusal,
  type RefusalReason,
  ROUTES,
} from '../shared/messages.ts';

export interface DispatcherOptions {
  /** `runtime.id`: messages from anything else are refused. */
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://<id>`. */
  extensionOrigin: string;
  now: () => number;
  /** Told of every refusal; wired to console.debug in development and E2E builds only. */
  onRefused?: (type: MessageType, reason: RefusalReason, sender: Runtime.MessageSender) => void;
}

/** What the dispatcher calls once the route's types are no longer in view. */
type CheckedHandler = (request: unknown, sender: ContentSender | ExtensionSender) => Promise<unknown>;

/** A page may re-report as late text is drawn, but never flood: 8 at once, then one every 2 s, per tab. */
const CONTENT_LIMIT = { capacity: 8, refillPerSecond: 0.5, maxKeys: 500 };

function isEnvelope(message: unknown): message is { type: string; payload: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

const isWebUrl = (url: string | undefined): url is string => /^https?:\/\//.test(url ?? '');

function contentSender(sender: Runtime.MessageSender): ContentSender | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !isWebUrl(sender.url)) return null;
  return { tabId, url: sender.url };
}

function extensionSender(sender: Runtime.MessageSender, origin: string): ExtensionSender | null {
  // A tab that is not one of our pages is a content script speaking for a web page.
  if (sender.tab !== undefined && !(sender.url ?? '').startsWith(`${origin}/`)) return null;
  return { tabId: sender.tab?.id ?? null, url: sender.url ?? null };
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions) {
  const limiter = createRateLimiter(CONTENT_LIMIT);

  function senderOn(channel: Channel, sender: Runtime.MessageSender): ContentSender | ExtensionSender | null {
    if (sender.id !== options.extensionId) return null;
    return channel === 'content' ? contentSender(sender) : extensionSender(sender, options.extensionOrigin);
  }

  function refuse(type: MessageType, reason: RefusalReason, sender: Runtime.MessageSender): Promise<Refusal> {
    options.onRefused?.(type, reason, sender);
    return Promise.resolve({ error: 'refused', reason });
  }

  /**
   * A plain function, not `async`: returning a Promise takes over the reply, so it returns one only for known types
   * and `undefined` for everything else, leaving other listeners free to answer.
   */
  return (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(ROUTES, message.type)) return undefined;
    const type = message.type as MessageType;
    const route = ROUTES[type];
    // The route table ties each type to its handler's request and sender types; TypeScript cannot follow `type`.
    const handler = handlers[type] as CheckedHandler | undefined;
    if (!handler) return refuse(type, 'unavailable', sender);
    const from = senderOn(route.channel, sender);
    if (!from) return refuse(type, 'channel', sender);
    if (route.channel === 'content' && !limiter.take(`tab:${from.tabId}`, options.now()).ok)
      return refuse(type, 'rate-limit', sender);
    const request = v.safeParse(route.request, message.payload);
    if (!request.success) return refuse(type, 'payload', sender);
    return handler(request.output, from);
  };
}
