import type { HeaderView } from './headers.ts';
import type { Platform } from './types.ts';

/** A platform named by response headers, and the marker that named it. */
export interface PlatformHit {
  platform: Platform;
  evidence: string;
}

// Server tokens as the servers send them by default (`nginx/1.25.3`, `Microsoft-IIS/10.0`, `awselb/2.0` ...).
// HTTP.sys answers for IIS before a site is reached, so its token is IIS too.
const SERVER_TOKENS: ReadonlyArray<readonly [RegExp, Platform]> = [
  [/^nginx\b/i, 'nginx'],
  [/^openresty\b/i, 'openresty'],
  [/^tengine\b/i, 'tengine'],
  [/^Apache-Coyote\b|\bTomcat\b/i, 'tomcat'],
  [/^Apache\b/i, 'apache'],
  [/^Microsoft-(?:IIS|HTTPAPI)\//i, 'iis'],
  [/^(?:istio-)?envoy\b/i, 'envoy'],
  [/^haproxy\b/i, 'haproxy'],
  [/^Varnish\b/i, 'varnish'],
  [/^awselb\//i, 'aws-elb'],
  [/^heroku\b/i, 'heroku'],
  [/^Fly\//i, 'fly'],
  [/^GitHub\.com$/i, 'github-pages'],
];

/** Headers only a platform's own edge adds, checked before the server token (which the app may set itself). */
function readPlatformHeaders(headers: HeaderView): PlatformHit | null {
  const via = headers.all('via').join(', ');
  // Heroku's routers: `via: 1.1 vegur` (the original router) and `heroku-router` (Router 2.0).
  if (/\bvegur\b|\bheroku-router\b/i.test(via)) return { platform: 'heroku', evidence: 'header:via=heroku' };
  if (headers.has('fly-request-id') || /\bfly\.io\b/i.test(via)) return { platform: 'fly', evidence: 'header:fly' };
  if (headers.has('x-render-origin-server') || headers.has('rndr-id')) {
    return { platform: 'render', evidence: 'header:render' };
  }
  if (headers.has('x-amz-apigw-id') || headers.has('x-amzn-errortype')) {
    return { platform: 'aws-api-gateway', evidence: 'header:x-amz-apigw-id' };
  }
  // App Service's front end pins sessions to an instance with the ARRAffinity cookie.
  if (/\bARRAffinity=/.test(headers.all('set-cookie').join(';'))) {
    return { platform: 'azure-app-service', evidence: 'header:arr-affinity-cookie' };
  }
  return null;
}

/**
 * The site's server or hosting platform as its response headers name it, or null.
 * @example readPlatform(createHeaderView([['via', '1.1 vegur']]))?.platform // 'heroku'
 */
export function readPlatform(headers: HeaderView): PlatformHit | null {
  const specific = readPlatformHeaders(headers);
  if (specific) return specific;
  const server = headers.get('server') ?? '';
  const token = SERVER_TOKENS.find(([pattern]) => pattern.test(server));
  return token ? { platform: token[1], evidence: `header:server=${token[1]}` } : null;
}
