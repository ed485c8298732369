/**
 * The classifier's contract. Everything here is plain data so that a snapshot taken in a content script
 * can cross a message boundary, be validated, and be classified in the background, the CLI or a test alike.
 */

export const VENDORS = [
  'cloudflare',
  'cloudfront',
  'akamai',
  'fastly',
  'azure',
  'google',
  'vercel',
  'netlify',
  'sucuri',
  'imperva',
  'ddos-guard',
  'bunny',
] as const;
export type Vendor = (typeof VENDORS)[number];

export const DETECTION_KINDS = [
  'none',
  'origin-error',
  'edge-error',
  'blocked',
  'challenge',
  'challenge-failed',
  'site-config',
] as const;
export type DetectionKind = (typeof DETECTION_KINDS)[number];

/**
 * Server software and hosting platforms recognised on a failing response. They are not vendors: a vendor is a CDN or
 * WAF that answered in front of the site, while a platform is what the site itself runs on (its web server, load
 * balancer or PaaS router), named so the verdict can say "Heroku's router says the app crashed".
 */
export const PLATFORMS = [
  'nginx',
  'openresty',
  'tengine',
  'apache',
  'tomcat',
  'iis',
  'aspnet',
  'envoy',
  'haproxy',
  'varnish',
  'aws-elb',
  'aws-api-gateway',
  'heroku',
  'github-pages',
  'render',
  'fly',
  'google-app-engine',
  'azure-app-service',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Response headers as received: names may repeat, order is kept. Names are compared case-insensitively. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * What the page's document shows, reduced to bounded, serialisable facts.
 * Built by `extractPageMarkers(doc)`; every field has a hard size cap so a hostile page cannot make it large.
 */
export interface PageMarkers {
  /** document.title, whitespace-collapsed, at most 300 chars. */
  title: string;
  /** Visible text (no script/style), whitespace-collapsed, at most TEXT_LIMIT chars. */
  text: string;
  /** Element ids seen in the first ELEMENT_LIMIT elements, at most ID_LIMIT, deduplicated. */
  ids: string[];
  /** Class names seen in the first ELEMENT_LIMIT elements, at most CLASS_LIMIT, deduplicated. */
  classes: string[];
  /** src/href/action of script, link, iframe, img and form elements, at most RESOURCE_LIMIT, each cut to 300 chars. */
  resources: string[];
  /** Inline script text, concatenated and cut to SCRIPT_LIMIT chars. */
  inlineScript: string;
  /** id of the element carrying class `cf-error-source` (Cloudflare's "who failed" box), if any. */
  errorSourceId: string | null;
  /** True when the document is a plain-text body (e.g. `error code: 1020`), i.e. a single <pre> or no elements. */
  isPlainText: boolean;
}

/** The classifier's input: the page plus what the network layer saw, each part optional. */
export interface PageSnapshot {
  url: string;
  /** HTTP status of the main-frame response; null when unknown. */
  status: number | null;
  /** Response headers; null when unknown (the CLI without --header, a content script alone). */
  headers: HeaderList | null;
  /** Document facts; null when no document was seen (e.g. only headers from webRequest). */
  page: PageMarkers | null;
}

/**
 * The classifier's answer. `vendor` is the CDN/WAF that served the response (null: none seen, the site answered
 * itself); `platform` is the site's own server or host when its headers or default error page name it. Any
 * main-frame 5xx is a failure: without a vendor it is `origin-error` with vendor null.
 */
export interface Detection {
  vendor: Vendor | null;
  kind: DetectionKind;
  /** Cloudflare's own error number when the page shows one (522, 1020), else the HTTP status; null if neither. */
  code: number | null;
  /** IATA code of the edge that answered (from cf-ray, x-amz-cf-pop, x-served-by, ...). */
  colo: string | null;
  /** 16-hex Cloudflare Ray ID. */
  rayId: string | null;
  /** Short machine-readable markers that decided the result, e.g. `header:cf-ray`, `box:cf-host-status`. */
  evidence: string[];
  /** The page looks like a CDN page but headers do not back it up (unknown or contradicting): a possible spoof. */
  unconfirmed: boolean;
  /** The site's server or hosting platform (nginx, Heroku, Azure App Service ...); absent when nothing names one. */
  platform?: Platform;
}
