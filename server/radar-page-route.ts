/**
 * Serves the public radar page (server/radar-page/, built by its build.mjs into dist/radar-page) at `/`. The HTML is
 * revalidated on every visit so a new build shows at once; its assets carry a content hash in their names, so a
 * browser or CDN may keep them for a year. A service started before the page was built says so with a 503 instead
 * of a bare 404, and serves the page as soon as it exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './app.ts';

export const RADAR_PAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'radar-page');

/** Same origin only: the page fetches its own `/v1/cdn`, styles and scripts come from its own files. */
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const NOT_BUILT =
  'The radar page is not built yet: run `npm run build:radar-page` (`npm run server` builds it when missing). ' +
  'The API under /v1 works meanwhile.\n';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Adds headers to a file serveStatic found; a miss gets the API's 404, without them. */
async function withHeaders(c: Context, served: Promise<unknown>, headers: Record<string, string>) {
  // On a miss serveStatic passes on to `next`, whose promise does not resolve to a Response.
  const response = await served;
  if (!(response instanceof Response)) return c.notFound();
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * @param dir the built page: index.html and assets/
 * @example app.route('/', radarPageRoutes(RADAR_PAGE_DIR));
 */
export function radarPageRoutes(dir: string): Hono<AppEnv> {
  const index = path.join(dir, 'index.html');
  // serveStatic complains at creation when its root is missing; the page may be built after the service starts.
  let page: MiddlewareHandler | null = null;
  let assets: MiddlewareHandler | null = null;
  const isBuilt = () => existsSync(index);

  return (
    new Hono<AppEnv>()
      .get('/', async (c, next) => {
        if (!isBuilt()) return c.text(NOT_BUILT, 503, { 'Cache-Control': 'no-store', 'Retry-After': '10' });
        page ??= serveStatic({ path: index });
        return withHeaders(c, page(c, next), {
          'Cache-Control': 'no-cache',
          'Content-Security-Policy': PAGE_CSP,
          'X-Content-Type-Options': 'nosniff',
        });
      })
      // vite writes the assets flat into assets/, so one path segment names any of them.
      .get('/assets/:file', async (c, next) => {
        if (!isBuilt()) return c.notFound();
        assets ??= serveStatic({ root: dir });
        return withHeaders(c, assets(c, next), { 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' });
      })
  );
}
