import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Test support lives in tests/; code that ships (the extension, the CLI, the server) must never reach into it, or a
// builder or fake would end up in a bundle or the server's runtime.
const ROOT = path.resolve(import.meta.dirname, '../..');
const TESTS = path.join(ROOT, 'tests');
const TEST_FILE = /\.test(-support)?\.tsx?$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !TEST_FILE.test(name))
    .map((name) => path.join(dir, name));
}

/** The relative imports in `code` (written at `file`) that resolve into tests/. */
function importsOfTests(file: string, code: string): string[] {
  return [...code.matchAll(SPECIFIER)]
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const target = path.resolve(path.dirname(file), specifier);
      return target === TESTS || target.startsWith(TESTS + path.sep);
    });
}

describe('shipped code does not import test support', () => {
  it.each(['src', 'server'])('%s/ imports nothing from tests/', (dir) => {
    const files = sourceFiles(path.join(ROOT, dir));
    expect(files.length).toBeGreaterThan(10); // a walk that finds nothing would pass vacuously
    const offenders = files.flatMap((file) =>
      importsOfTests(file, readFileSync(file, 'utf8')).map((specifier) => `${path.relative(ROOT, file)}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('sees static, type-only, side-effect and dynamic imports, and nothing else', () => {
    const file = path.join(ROOT, 'src/background/probe.ts');
    const code = [
      "import { aVerdict } from '../../tests/support/builders.ts';",
      "import type { TestApp } from '../../tests/support/server-app.ts';",
      "import '../../tests/support/setup.ts';",
      "const app = await import('../../tests/support/server-app.ts');",
      "import { browser } from '../shared/browser.ts';",
      "import * as v from 'valibot';",
      "const note = 'see tests/support/builders.ts';",
    ].join('\n');
    expect(importsOfTests(file, code)).toEqual([
      '../../tests/support/builders.ts',
      '../../tests/support/server-app.ts',
      '../../tests/support/setup.ts',
      '../../tests/support/server-app.ts',
    ]);
  });
});
