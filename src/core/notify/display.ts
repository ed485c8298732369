/**
 * What a notification may show of a failed site. The host name is chosen by whoever runs the site, so a notification
 * that echoed it could carry any sentence ("0-your-account-is-locked-call-0800-….evil.example"). A notification shows
 * the registrable domain instead, in its ASCII (punycode) form so a look-alike Unicode name cannot pass for another
 * site, and bounded in length with the end kept, because the end is the part a person recognises.
 */
import type { Message } from '../diagnose/types.ts';
import { registrableDomain } from '../registrable-domain.ts';

/** Long enough for nearly every real site name; a longer name is cut in the middle. */
export const DOMAIN_MAX = 32;
/** Any other text from outside (a data-centre code, say) is bounded the same way. */
export const TEXT_MAX = 40;
const ELLIPSIS = '…';

/**
 * The host as the URL parser gives it: lower case, punycode, no trailing dot.
 * @example asciiHost('Bücher.Example.') // 'xn--bcher-kva.example'
 */
export function asciiHost(host: string): string {
  const trimmed = host.trim().replace(/\.+$/, '');
  try {
    return new URL(`http://${trimmed}`).hostname.replace(/\.+$/, '');
  } catch {
    return trimmed.toLowerCase();
  }
}

/**
 * The key that groups a host with every other host its owner can mint: its registrable domain (or the host itself when
 * it has none, an IP address for one).
 * @example siteOf('0-call-us.login.Evil.Example') // 'evil.example'
 */
export const siteOf = (host: string): string => registrableDomain(asciiHost(host));

/**
 * Cuts `text` to `max` characters with an ellipsis in the middle, keeping more of the end than of the start.
 * @example shorten('abcdefghij.example', 12) // 'abc….example'
 */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = Math.floor((max - 1) / 3);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join('')}${ELLIPSIS}${chars.slice(chars.length - tail).join('')}`;
}

/**
 * The name a notification gives a host.
 * @example displaySite('0-your-account-is-locked-call-0800-555-0199.evil.example') // 'evil.example'
 */
export const displaySite = (host: string): string => shorten(siteOf(host), DOMAIN_MAX);

/**
 * A verdict message made fit for a notification: its `host` shown as `displaySite`, every other text parameter
 * bounded. Numbers pass as they are.
 */
export function displayMessage({ key, params }: Message): Message {
  const shown: Message['params'] = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') shown[name] = value;
    else shown[name] = name === 'host' ? displaySite(value) : shorten(value, TEXT_MAX);
  }
  return { key, params: shown };
}
