// `npm test`: every suite in order, each bounded in time, then one summary. The LAST line is exactly
// "N passed, N failed" (CI greps it). A suite that crashes, times out or reports nothing counts as at least 1 failed.
// Usage: test-all.mjs [typecheck|unit|server-pg|e2e|a11y ...]   (default: all)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-test-all-'));
const MIN = 60_000;
/** @param {string} name */
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);

/**
 * A test count; a suite that cannot be counted reports null.
 * @typedef {{ passed: number, failed: number, skipped?: number }} Count
 * @typedef {{ name: string, cmd: string, args: string[], env?: Record<string, string>, timeoutMs: number,
 *   count: (out: string, code: number) => Count | null }} Suite
 */

/** @type {Suite[]} */
const SUITES = [
  // Formatter check and lint in one pass; biome.json also holds the rule that keeps src/core pure.
  {
    name: 'lint',
    cmd: bin('biome'),
    args: ['ci', '--colors=off', '--error-on-warnings', '.'],
    timeoutMs: 2 * MIN,
    count: countLint,
  },
  // src, server and the unit tests, then the e2e, a11y and tools JavaScript (tests/e2e/tsconfig.json).
  // Unused files, exports and dependencies (knip.json lists the entry points).
  {
    name: 'knip',
    cmd: bin('knip'),
    args: ['--no-progress', '--no-config-hints'],
    timeoutMs: 2 * MIN,
    count: countKnip,
  },
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'], timeoutMs: 3 * MIN, count: countTypecheck },
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(TMP, 'unit.json')}`],
    timeoutMs: 8 * MIN,
    count: (out) => countVitestJson(path.join(TMP, 'unit.json')) ?? countFromText(out),
  },
  {
    name: 'server-pg',
    cmd: 'npm',
    args: ['run', '--silent', 'test:server:pg'],
    timeoutMs: 6 * MIN,
    count: countFromText,
  },
  {
    name: 'e2e',
    cmd: process.execPath,
    args: ['tests/e2e/run.mjs'],
    env: { CULPRIT_E2E_TAP: path.join(TMP, 'e2e.tap') },
    timeoutMs: 10 * MIN,
    count: (out) => withSkippedBrowsers(countTap(path.join(TMP, 'e2e.tap')), out),
  },
  // axe-core on the popup, options and history pages in Chromium; runs on the dist/chrome the e2e suite just built.
  {
    name: 'a11y',
    cmd: 'npm',
    args: ['run', '--silent', 'test:a11y'],
    timeoutMs: 5 * MIN,
    count: countFromText,
  },
];

/**
 * Runs a command with output streamed through and captured; kills its whole process group at the deadline.
 * @param {Suite} suite
 * @returns {Promise<{ code: number, out: string, timedOut: boolean }>}
 */
function runStep({ cmd, args, env = {}, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (err) => {
      out += String(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, out, timedOut });
    });
  });
}

/** Biome's summary: "Found N errors." (warnings fail too, through --error-on-warnings). @type {Suite['count']} */
function countLint(out, code) {
  const errors =
    Number(out.match(/Found (\d+) errors?/)?.[1] ?? 0) + Number(out.match(/Found (\d+) warnings?/)?.[1] ?? 0);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: Math.max(errors, 1) };
}

/** knip lists each finding on its own line under a heading such as "Unused exports (3)". @type {Suite['count']} */
function countKnip(out, code) {
  const findings = [...out.matchAll(/^Unused [a-zA-Z ]+ \((\d+)\)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: Math.max(findings, 1) };
}

/** @type {Suite['count']} */
function countTypecheck(out, code) {
  const errors = (out.match(/error TS\d+/g) ?? []).length;
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: Math.max(errors, 1) };
}

/** @param {string} file @returns {Count | null} */
function countVitestJson(file) {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

/**
 * vitest's "Tests  2 failed | 10 passed (12)" or node:test's "ℹ pass 10 / ℹ fail 2", whichever the output has.
 * @param {string} raw @returns {Count | null}
 */
function countFromText(raw) {
  const out = raw.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''); // some tools colour even with FORCE_COLOR=0
  const vitest = out.match(/^\s*Tests\s+(.*)\(\d+\)\s*$/m)?.[1];
  /** @param {RegExp} re @param {string} text */
  const num = (re, text) => Number(text.match(re)?.[1] ?? 0);
  if (vitest)
    return {
      passed: num(/(\d+) passed/, vitest),
      failed: num(/(\d+) failed/, vitest),
      skipped: num(/(\d+) skipped/, vitest),
    };
  if (/^ℹ pass \d+/m.test(out))
    return {
      passed: num(/^ℹ pass (\d+)/m, out),
      failed: num(/^ℹ fail (\d+)/m, out) + num(/^ℹ cancelled (\d+)/m, out),
      skipped: num(/^ℹ skipped (\d+)/m, out),
    };
  return null;
}

/** @param {string} file @returns {Count | null} */
function countTap(file) {
  if (!fs.existsSync(file)) return null;
  const tap = fs.readFileSync(file, 'utf8');
  /** @param {string} k */
  const num = (k) => Number(tap.match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') };
}

/**
 * A browser missing on a developer machine skips its whole suite, which TAP does not count as a skipped test.
 * @param {Count | null} counted @param {string} out
 */
function withSkippedBrowsers(counted, out) {
  const skippedSuites = (out.match(/^# SKIPPED /gm) ?? []).length;
  return counted && { ...counted, skipped: (counted.skipped ?? 0) + skippedSuites };
}

const picked = process.argv.slice(2);
const results = [];
const started = Date.now();
for (const suite of SUITES.filter((s) => !picked.length || picked.includes(s.name))) {
  console.log(`\n=== ${suite.name} ===`);
  const t0 = Date.now();
  const { code, out, timedOut } = await runStep(suite);
  const counted = timedOut ? null : suite.count(out, code);
  let { passed = 0, failed = 0, skipped = 0 } = counted ?? {};
  const notes = [];
  if (timedOut) notes.push(`timed out after ${suite.timeoutMs / MIN} min`);
  else if (!counted) notes.push(`no test report (exit ${code})`);
  else if (code !== 0 && failed === 0) notes.push(`exit ${code} with no failed test`);
  if (code !== 0 && failed === 0) failed = 1;
  if (skipped) notes.push(`${skipped} skipped`);
  results.push({ name: suite.name, passed, failed, ms: Date.now() - t0, note: notes.join('; ') });
}

/** @param {number} ms */
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log('\n=== summary ===');
for (const r of results) {
  console.log(
    `${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(10)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${sec(r.ms).padStart(8)}${r.note ? `  (${r.note})` : ''}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`total time ${sec(Date.now() - started)}`);
fs.rmSync(TMP, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
