/**
 * Maps a browser's main-frame network error string (webRequest.onErrorOccurred `error`) to a category a person
 * understands. Chrome reports `net::ERR_*`; Firefox reports `NS_ERROR_*`, `SEC_ERROR_*`, `SSL_ERROR_*` or
 * `MOZILLA_PKIX_ERROR_*`.
 */
export const NETWORK_ERROR_CATEGORIES = ['dns', 'refused', 'timeout', 'tls', 'offline', 'reset', 'other'] as const;
export type NetworkErrorCategory = (typeof NETWORK_ERROR_CATEGORIES)[number];

export interface NetworkError {
  /** The browser's own error string, cut to 120 chars. */
  error: string;
  category: NetworkErrorCategory;
}

const RULES: ReadonlyArray<readonly [RegExp, NetworkErrorCategory]> = [
  [/NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|DNS_|UNKNOWN_HOST|UNKNOWN_PROXY_HOST/, 'dns'],
  [/INTERNET_DISCONNECTED|NETWORK_CHANGED|NS_ERROR_OFFLINE|NETWORK_ACCESS_DENIED/, 'offline'],
  [/CONNECTION_REFUSED|ADDRESS_UNREACHABLE|ERR_CONNECTION_FAILED/, 'refused'],
  [/TIMED_OUT|NET_TIMEOUT/, 'timeout'],
  [/CERT|SSL|SEC_ERROR|MOZILLA_PKIX|TLS|BAD_SSL/, 'tls'],
  [/CONNECTION_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|NET_RESET|NET_INTERRUPT|PARTIAL_TRANSFER/, 'reset'],
];

/**
 * Errors that are not failures of the site or the network: the person stopped the load, navigated away, or the
 * response became a download. Reporting these would be noise.
 */
const IGNORED =
  /ERR_ABORTED|NS_BINDING_ABORTED|NS_BINDING_REDIRECTED|NS_ERROR_ABORT|ERR_BLOCKED_BY_RESPONSE|NS_BINDING_RETARGETED/;

/**
 * This browser refused the request before it reached the site, by the person's own choice or their administrator's:
 * a content blocker or another extension (Chromium `ERR_BLOCKED_BY_CLIENT`), an enterprise policy
 * (`ERR_BLOCKED_BY_ADMINISTRATOR`, Firefox `NS_ERROR_BLOCKED_BY_POLICY` and content-policy `NS_ERROR_CONTENT_BLOCKED*`),
 * the opener's Content Security Policy (`ERR_BLOCKED_BY_CSP`), Firefox's own protections (Safe Browsing and Enhanced
 * Tracking Protection: `NS_ERROR_PHISHING_URI`, `NS_ERROR_TRACKING_URI` and the other `NS_ERROR_*_URI`). Nothing about
 * the site is known, so there is nothing to diagnose; and asking anyone about a site the person's blocker refused
 * would contact the very domain it kept them from.
 * Firefox reports an extension's cancel and a declarativeNetRequest block as `NS_ERROR_ABORT` (Firefox ESR 153), the
 * same as any other abort, so those fall under IGNORED.
 */
const REFUSED_BY_BROWSER =
  /ERR_BLOCKED_BY_CLIENT|ERR_BLOCKED_BY_ADMINISTRATOR|ERR_BLOCKED_BY_CSP|NS_ERROR_BLOCKED_BY_POLICY|NS_ERROR_CONTENT_BLOCKED|NS_ERROR_(?:PHISHING|MALWARE|UNWANTED|HARMFUL|BLOCKED|TRACKING|CRYPTOMINING|FINGERPRINTING|SOCIALTRACKING|EMAILTRACKING)_URI/;

/**
 * The browser itself refused the main frame (REFUSED_BY_BROWSER): no failure, and the tab now shows the browser's
 * "blocked" page rather than the document before it.
 * @example isRefusedByBrowser('net::ERR_BLOCKED_BY_CLIENT') // true
 */
export const isRefusedByBrowser = (error: string): boolean => REFUSED_BY_BROWSER.test(error.slice(0, 120));

/**
 * @example
 * classifyNetworkError('net::ERR_NAME_NOT_RESOLVED') // { error: 'net::ERR_NAME_NOT_RESOLVED', category: 'dns' }
 * @returns null for errors that do not mean a failed page (aborts, downloads, a request this browser refused).
 */
export function classifyNetworkError(error: string): NetworkError | null {
  const text = error.slice(0, 120);
  if (IGNORED.test(text) || REFUSED_BY_BROWSER.test(text)) return null;
  const rule = RULES.find(([pattern]) => pattern.test(text));
  return { error: text, category: rule ? rule[1] : 'other' };
}
