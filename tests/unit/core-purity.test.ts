import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The purity rule lives in biome.json; this runs the project's own config on probe files, so a rule that stops
// matching (a renamed option, a moved folder) fails here instead of letting src/core drift silently.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIOME = path.join(ROOT, 'node_modules/.bin/biome');
const work = mkdtempSync(path.join(tmpdir(), 'culprit-purity-'));
copyFileSync(path.join(ROOT, 'biome.json'), path.join(work, 'biome.json'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finding {
  category: string;
  path: string;
}

/** Lints one probe file at `relativePath` under a copy of the project's config; returns the purity findings. */
function purityFindings(relativePath: string, code: string): Finding[] {
  const file = path.join(work, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
  let out: string;
  try {
    out = execFileSync(BIOME, ['lint', '--vcs-enabled=false', '--reporter=json', relativePath], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? '');
  } finally {
    rmSync(file);
  }
  const report = JSON.parse(out) as { diagnostics: { category: string; location: { path: string } }[] };
  return report.diagnostics
    .filter((d) => /noRestricted(Imports|Globals)/.test(d.category))
    .map((d) => ({ category: d.category, path: d.location.path }));
}

describe('src/core is pure (biome.json)', () => {
  it.each([
    ['the polyfill', "import browser from 'webextension-polyfill';\nexport const a = browser;\n"],
    ['a node: module', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['the extension layer', "import { browser } from '../../shared/browser.ts';\nexport const a = browser;\n"],
    ['the server', "import { createApp } from '../../../server/app.ts';\nexport const a = createApp;\n"],
    ['the global document', 'export const title = () => document.title;\n'],
    ['the global fetch', "export const get = () => fetch('https://a.example/');\n"],
    ['a timer', 'export const later = (f: () => void) => setTimeout(f, 5);\n'],
    ['the chrome namespace', 'export const id = () => chrome.runtime.id;\n'],
  ])('refuses %s under src/core', (_what, code) => {
    expect(purityFindings('src/core/diagnose/probe.ts', code)).not.toEqual([]);
  });

  it('accepts what is passed in, and imports that stay inside src/core', () => {
    const code = [
      "import type { Facts } from '../diagnose/types.ts';",
      'export const get = (fetch: (url: string) => Promise<Response>) => fetch("https://a.example/");',
      'export const title = (doc: Document) => doc.title;',
      'export type F = Facts;',
      '',
    ].join('\n');
    expect(purityFindings('src/core/detect/probe.ts', code)).toEqual([]);
  });

  it('leaves the layers above core free to use the browser and Node', () => {
    const code =
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\nexport const t = () => document.title;\n";
    expect(purityFindings('src/background/probe.ts', code)).toEqual([]);
    expect(purityFindings('src/cli/probe.ts', code)).toEqual([]);
  });

  it('exempts tests under src/core, which read fixtures from disk', () => {
    expect(
      purityFindings('src/core/detect/probe.test.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toEqual([]);
  });
});
