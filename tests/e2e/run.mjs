// `npm run test:e2e`: build the VITE_E2E bundles, then run the e2e files one at a time (two browsers on two cores
// would make the timing-sensitive waits compete).
// Usage: run.mjs [table|lint|chromium|features-chromium|settled-chromium|firefox|features-firefox|settled-firefox ...]
//        [--no-build]
// CULPRIT_E2E_TAP=<file> also writes a TAP report there, which tests/tools/test-all.mjs counts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './harness/browsers.mjs';

const SUITES = [
  'table',
  'lint',
  'chromium',
  'features-chromium',
  'settled-chromium',
  'firefox',
  'features-firefox',
  'settled-firefox',
];
const args = process.argv.slice(2);
const picked = args.filter((a) => !a.startsWith('--'));
const unknown = picked.filter((a) => !SUITES.includes(a));
if (unknown.length) {
  console.error(`unknown suite(s) ${unknown.join(', ')}; pick from ${SUITES.join(', ')}`);
  process.exit(2);
}

/** @param {string} cmd @param {string[]} argv */
const run = (cmd, argv, env = process.env) => spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', env }).status ?? 1;

if (!args.includes('--no-build')) {
  const built = run('npm', ['run', 'build:e2e', '--silent'], { ...process.env, VITE_E2E: '1' });
  if (built !== 0) {
    console.error('e2e: npm run build:e2e failed; no browser suite was run');
    process.exit(built);
  }
}

const files = (picked.length ? picked : SUITES).map((s) => path.join('tests/e2e', `${s}.e2e.test.mjs`));
const tap = process.env.CULPRIT_E2E_TAP;
const reporters = [
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  ...(tap ? ['--test-reporter=tap', `--test-reporter-destination=${tap}`] : []),
];
// tsx lets the suite import the extension's own badge table (src/shared/badge.ts) instead of copying colours.
process.exit(
  run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-timeout=300000',
    ...reporters,
    ...files,
  ]),
);
