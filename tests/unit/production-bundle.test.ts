/**
 * The E2E build compiles in test-only code: the reader's bridge that opens extension pages and the background's hook
 * that clicks notifications. A production build (what `npm run build` and the store zips ship) must not contain
 * either, nor declare a content script or a web-accessible resource. This builds both browsers' production bundles into a temporary folder, so dist/ (which
 * the E2E suites use) is left alone, and searches every script for the markers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
/** Each marker next to the file that defines it, so renaming one fails here instead of making the search vacuous. */
const MARKERS = { 'culprit-e2e/open': 'src/content/e2e-bridge.ts', __culpritE2e: 'src/background/e2e-hooks.ts' };
const out = mkdtempSync(join(tmpdir(), 'culprit-prod-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A production build's environment: none of the E2E flag, nor vitest's NODE_ENV=test. */
function productionEnv(target: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITE_|VITEST|NODE_ENV$)/.test(k)));
  return { ...env, TARGET: target };
}

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

describe('production bundles', () => {
  it.each(Object.entries(MARKERS))('the marker %s is defined in %s', (marker, file) => {
    expect(readFileSync(join(root, file), 'utf8')).toContain(marker);
  });

  it.each(['chrome', 'firefox'])(
    '%s: no E2E-only code',
    async (target) => {
      const dir = join(out, target);
      await promisify(execFile)(
        join(root, 'node_modules/.bin/vite'),
        ['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
        { cwd: root, env: productionEnv(target), timeout: 50_000 },
      );
      const scripts = scriptsUnder(dir);
      expect(scripts.length).toBeGreaterThan(3);
      const leaks = scripts.flatMap((f) =>
        Object.keys(MARKERS)
          .filter((m) => readFileSync(f, 'utf8').includes(m))
          .map((m) => `${m} in ${f}`),
      );
      expect(leaks).toEqual([]);
      // No script runs on a page the person opens, and no file is reachable from a page (a site could probe for it).
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest.content_scripts).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.permissions).toEqual(expect.arrayContaining(['scripting', 'webNavigation']));
      expect(manifest.permissions).not.toContain('tabs');
      // executeScript runs one classic script: a module import in the reader would fail where it is injected.
      expect(readFileSync(join(dir, 'reader.js'), 'utf8')).not.toMatch(/\bimport\s*[({"'*]|\bexport\s/);
    },
    60_000,
  );
});
