import { anyOf, findResource } from './page-queries.ts';
import type { ServerPage } from './server-pages.ts';
import type { PageMarkers } from './types.ts';

/**
 * Hosting platforms' and proxies' own pages. Heroku's router serves its pages from herokucdn.com/error-pages/
 * (Heroku Dev Center "Error pages"): `no-such-app` is a host no app claims, the others an app that
 * crashed, timed out or is in maintenance. Envoy and API Gateway answer with one bare line of text or JSON.
 */
const HEROKU_PAGE = /herokucdn\.com\/error-pages\/([a-z-]+)\.html/;
const ENVOY_TEXT = anyOf([
  /^no healthy upstream$/,
  /^upstream connect error or disconnect\/reset before headers\b.*$/,
  /^upstream request timeout$/,
]);
const API_GATEWAY_MESSAGES = [
  'Internal server error',
  'Endpoint request timed out',
  'Service Unavailable',
  'Network error communicating with endpoint',
];
const API_GATEWAY_TEXT = new RegExp(`^\\{\\s*"message"\\s*:\\s*"(${API_GATEWAY_MESSAGES.join('|')})"\\s*\\}$`);
// Bare reason phrases some proxies (Traefik, Caddy, Go's reverse proxy) send as a text/plain body.
const PLAIN_PHRASES: ReadonlyMap<string, number> = new Map([
  ['Bad Gateway', 502],
  ['Service Unavailable', 503],
  ['Gateway Timeout', 504],
  ['Internal Server Error', 500],
]);

function readHeroku(page: PageMarkers): ServerPage | null {
  const name =
    HEROKU_PAGE.exec(findResource(page, HEROKU_PAGE) ?? '')?.[1] ??
    (/^Heroku \| No such app$|No such app \| Heroku$/.test(page.title) ? 'no-such-app' : null) ??
    (/\bThere is no app configured at that hostname\b/.test(page.text) ? 'no-such-app' : null) ??
    // The error page itself (when not framed) tells the owner where to look.
    (/^Application error\b/i.test(page.title) && /\bheroku logs --tail\b/.test(page.text) ? 'application-error' : null);
  if (!name) return null;
  const evidence = `page:heroku-${name}`.slice(0, 60);
  if (name === 'no-such-app') return { platform: 'heroku', code: 404, kind: 'site-config', evidence };
  return { platform: 'heroku', code: 503, kind: null, evidence };
}

function readPlainText(page: PageMarkers): ServerPage | null {
  if (!page.isPlainText) return null;
  const text = page.text;
  if (ENVOY_TEXT.test(text)) {
    const code = text === 'upstream request timeout' ? 504 : 503;
    return { platform: 'envoy', code, kind: null, evidence: 'text:envoy' };
  }
  const apiGateway = API_GATEWAY_TEXT.exec(text);
  if (apiGateway) {
    const code =
      apiGateway[1] === 'Endpoint request timed out' ? 504 : apiGateway[1] === 'Service Unavailable' ? 503 : 500;
    return { platform: 'aws-api-gateway', code, kind: null, evidence: 'text:api-gateway' };
  }
  const code = PLAIN_PHRASES.get(text);
  return code ? { platform: null, code, kind: null, evidence: 'text:reason-phrase' } : null;
}

/**
 * A platform's own page, or null. GitHub Pages' "no site here" page and a storage bucket that does not exist (the
 * `NoSuchBucket` error document of S3 and S3-compatible stores) are a host nobody publishes to: configuration.
 */
export function readPlatformPage(page: PageMarkers): ServerPage | null {
  if (/\bThere isn.t a GitHub Pages site here\./.test(page.text)) {
    return { platform: 'github-pages', code: 404, kind: 'site-config', evidence: 'text:github-pages-no-site' };
  }
  if (/^NoSuchBucket\b/.test(page.text) && /\bThe specified bucket does not exist\b/.test(page.text)) {
    return { platform: null, code: 404, kind: 'site-config', evidence: 'text:no-such-bucket' };
  }
  return readHeroku(page) ?? readPlainText(page);
}
