import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PGLITE_START_TIMEOUT, type TestApp } from '../tests/support/server-app.ts';

/** A built page as vite lays it out: index.html naming content-hashed assets. */
function builtPage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-radar-page-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>CDN radar</title>' +
      '<script type="module" src="/assets/index-Ab12.js"></script><div id="app"></div>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12.js'), 'console.log("radar")');
  fs.writeFileSync(path.join(dir, 'assets', 'index-Cd34.css'), 'body{margin:0}');
  return dir;
}

let built: TestApp;
let dir: string;

beforeAll(async () => {
  dir = builtPage();
  built = await createTestApp({ radarPageDir: dir });
}, PGLITE_START_TIMEOUT);
afterAll(async () => {
  await built?.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the radar page at /', () => {
  it('serves the page as HTML that is revalidated on each visit, under a same-origin policy', async () => {
    const response = await built.app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<div id="app">');
  });

  it('serves hashed assets with their types, cacheable for a year', async () => {
    const script = await built.app.request('/assets/index-Ab12.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log("radar")');
    const style = await built.app.request('/assets/index-Cd34.css');
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers a missing asset or a path outside the page with the API 404, never a file', async () => {
    for (const url of ['/assets/nope.js', '/assets/../index.html', '/assets/%2e%2e/index.html', '/index.html']) {
      const response = await built.app.request(url);
      expect(response.status, url).toBe(404);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('leaves the API and its description as they were', async () => {
    expect((await built.app.request('/v1/cdn')).headers.get('content-type')).toBe('application/json');
    expect((await built.app.request('/openapi.json')).status).toBe(200);
    expect((await built.app.request('/healthz')).status).toBe(200);
  });

  it('says the page is not built with a 503 while it is missing, and serves it once it is built', async () => {
    const away = `${dir}-away`;
    fs.renameSync(dir, away);
    try {
      const response = await built.app.request('/');
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toContain('not built');
      expect((await built.app.request('/assets/index-Ab12.js')).status).toBe(404);
      expect((await built.app.request('/v1/cdn')).status).toBe(200);
    } finally {
      fs.renameSync(away, dir);
    }
    expect((await built.app.request('/')).status).toBe(200);
  });
});
