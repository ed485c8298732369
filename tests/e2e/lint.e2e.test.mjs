// AMO's linter on the built Firefox add-on (no --self-hosted: these are the checks a store submission meets).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { BROWSERS, ROOT } from './harness/browsers.mjs';

// preact's DOM renderer assigns innerHTML for dangerouslySetInnerHTML; we never use that prop, but the code path
// ships in the bundle. Any other warning is ours and must be fixed, not allow-listed here without a reason.
const ALLOWED_WARNINGS = [{ code: 'UNSAFE_VAR_ASSIGNMENT', message: /innerHTML/ }];

/**
 * One finding of web-ext's JSON report.
 * @typedef {{ _type: string, code: string, message: string, file?: string, line?: number }} Finding
 */

it('web-ext lint: dist/firefox has 0 errors and only known vendor warnings', { timeout: 60_000 }, async () => {
  const dir = BROWSERS.firefox.extension;
  assert.ok(fs.existsSync(path.join(dir, 'manifest.json')), `${dir} is not built (npm run build:e2e)`);
  const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
  // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(bin, ['lint', '-s', dir, '--output', 'json', '--no-input'], {
    timeout: 50_000,
  }).catch((err) => ({ stdout: String(err.stdout ?? '') }));
  /** @type {{ errors: Finding[], warnings: Finding[], notices: Finding[] }} */
  const report = JSON.parse(stdout);
  for (const w of [...report.errors, ...report.warnings, ...report.notices]) {
    console.log(`# web-ext lint ${w._type} ${w.code} ${w.file ?? ''}:${w.line ?? ''} ${w.message}`);
  }
  assert.deepEqual(
    report.errors.map((e) => `${e.code} ${e.file ?? ''}`),
    [],
  );
  const unknown = report.warnings.filter(
    (w) => !ALLOWED_WARNINGS.some((a) => a.code === w.code && a.message.test(w.message)),
  );
  assert.deepEqual(
    unknown.map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`),
    [],
  );
});
