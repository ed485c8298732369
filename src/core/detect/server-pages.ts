import { anyOf, isSmallPage, toCode } from './page-queries.ts';
import { readPlatformPage } from './platform-pages.ts';
import type { PageMarkers, Platform } from './types.ts';

/** What a web server's or platform's own error page says about itself. */
export interface ServerPage {
  platform: Platform | null;
  /** The status the page states, used only when the response status is unknown. */
  code: number | null;
  /** `site-config` for a platform's "no app at this host" page; null when the status alone decides. */
  kind: 'site-config' | null;
  evidence: string;
}

const page = (platform: Platform | null, code: number | null, evidence: string): ServerPage => ({
  platform,
  code,
  kind: null,
  evidence,
});

// Fixed sentences of stock error pages, as the servers ship them.
const APACHE_TEXT = anyOf([
  /maintenance downtime or capacity problems/,
  /proxy server received an invalid response from an upstream server/,
  /proxy server did not receive a timely response/,
  /encountered an internal error or misconfiguration/,
]);
const APACHE_SIGNATURE = /\bApache(?:\/[\d.]+)?(?: \([^)]*\))?.{0,80} Server at \S+ Port \d+/;
const HAPROXY_TEXT = new RegExp(
  `^(\\d{3}) [A-Za-z -]+ ${
    anyOf([
      /No server is available to handle this request\./,
      /The server didn't respond in time\./,
      /The server returned an invalid or incomplete response\./,
    ]).source
  }`,
);
const IIS_TEXT = anyOf([
  // HTTP.sys, before any site answers.
  /HTTP Error (\d{3})(?:\.\d+)?\. The service is unavailable/,
  // IIS custom errors and ARR: "502 - Web server received an invalid response while acting as a gateway …".
  /(?:^|\s)(\d{3}) - (?:Web server received an invalid response|Internal server error|Gateway timeout)/,
  // IIS detailed errors: "HTTP Error 502.3 - Bad Gateway".
  /HTTP Error (\d{3})\.\d+ - /,
]);
// nginx-style page: title "502 Bad Gateway", the same heading, then at most a server token.
const STATUS_TITLE = /^(\d{3}) ([A-Za-z][A-Za-z -]*)$/;
const TOKENS: ReadonlyArray<readonly [RegExp, Platform]> = [
  [/^nginx(?:\/[\d.]+)?(?: \([^)]*\))?$/i, 'nginx'],
  [/^openresty(?:\/[\d.]+)?$/i, 'openresty'],
  [/^(?:Powered by )?Tengine(?:\/[\d.]+)?$/i, 'tengine'],
  [/^awselb\/[\d.]+$/i, 'aws-elb'],
];

/** A status-titled page whose body is the same heading plus at most a short server token. */
function readStatusPage(markers: PageMarkers): ServerPage | null {
  const title = STATUS_TITLE.exec(markers.title);
  if (!title || !markers.text.startsWith(`${title[1]} ${title[2]}`)) return null;
  const code = toCode(title[1]);
  const tail = markers.text.slice(title[0].length).trim();
  if (/Powered by Tengine/i.test(tail)) return page('tengine', code, 'page:tengine');
  if (APACHE_TEXT.test(tail)) return page('apache', code, 'page:apache');
  if (tail.length > 60) return null;
  const token = TOKENS.find(([pattern]) => pattern.test(tail));
  if (token) return page(token[1], code, `page:server-token=${token[1]}`);
  // nginx alone words its 503 "Service Temporarily Unavailable" (ingress-nginx sends it with no token).
  if (tail === '' && /Temporarily Unavailable/.test(title[2] ?? '')) return page('nginx', code, 'page:nginx');
  return page(null, code, 'page:server-default');
}

function readStockText(markers: PageMarkers): ServerPage | null {
  const { text, title } = markers;
  const tomcat = /^HTTP Status (\d{3}) [–-] /.exec(title);
  if (tomcat || /\bApache Tomcat\/[\d.]+/.test(text)) return page('tomcat', toCode(tomcat?.[1]), 'page:tomcat');
  const iis = IIS_TEXT.exec(text) ?? /^IIS [\d.]+ Detailed Error - (\d{3})/.exec(title);
  if (iis) return page('iis', toCode(iis[1] ?? iis[2] ?? iis[3]), 'page:iis');
  if (/^Server Error in '[^']*' Application\./.test(text)) {
    return page('aspnet', toCode(/\bHTTP (\d{3})\b/.exec(text)?.[1]) ?? 500, 'page:aspnet');
  }
  const haproxy = HAPROXY_TEXT.exec(text);
  if (haproxy) return page('haproxy', toCode(haproxy[1]), 'page:haproxy');
  if (/Guru Meditation:/.test(text) && /\bXID: \d+/.test(text)) {
    return page('varnish', toCode(/^Error (\d{3})\b/.exec(text)?.[1]), 'page:varnish');
  }
  if (APACHE_SIGNATURE.test(text) || (APACHE_TEXT.test(text) && /^\d{3} /.test(title))) {
    return page('apache', toCode(/^(\d{3}) /.exec(title)?.[1]), 'page:apache');
  }
  return null;
}

/**
 * Reads the default error page of a web server, load balancer or hosting platform (nginx, Apache, IIS/HTTP.sys,
 * Tomcat, HAProxy, Envoy, Varnish, AWS ELB and API Gateway, Heroku, GitHub Pages). These pages carry no CDN's
 * markers: they say only which software answered, and which status it meant. Articles quoting them are long.
 * @example readServerPage(markers)?.platform // 'nginx' for "502 Bad Gateway … nginx/1.25.3"
 */
export function readServerPage(markers: PageMarkers): ServerPage | null {
  if (!isSmallPage(markers)) return null;
  const platformPage = readPlatformPage(markers);
  if (platformPage) return platformPage;
  return readStatusPage(markers) ?? readStockText(markers);
}
