import { Hono } from 'hono';
import { OPENAPI_DOCUMENT } from '../openapi-document.ts';

/**
 * `GET /openapi.json`.
 * @example app.route('/', openapiRoutes());
 */
export function openapiRoutes(): Hono {
  return new Hono().get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));
}
