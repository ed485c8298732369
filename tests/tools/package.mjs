// `npm run package` (after `npm run build`): store-ready zips artifacts/culprit-{chrome,firefox}-<version>.zip.
// web-ext build zips either folder offline; it only needs a manifest.json at the root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'artifacts');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// Only the VITE_E2E build contains the test bridge and the notification-click hook; they must never reach a store.
const E2E_MARKERS = ['culprit-e2e/open', '__culpritE2e'];

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

/** @param {string} dir */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

fs.mkdirSync(OUT, { recursive: true });
for (const target of ['chrome', 'firefox']) {
  const dir = path.join(ROOT, 'dist', target);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) fail(`${dir} is not built: run npm run build`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (manifest.version !== version)
    fail(`${manifestFile} is version ${manifest.version}, package.json says ${version}: rebuild`);
  const leaked = filesUnder(dir).filter(
    (f) => f.endsWith('.js') && E2E_MARKERS.some((m) => fs.readFileSync(f, 'utf8').includes(m)),
  );
  if (leaked.length)
    fail(`${dir} is a VITE_E2E build (${path.relative(ROOT, leaked[0] ?? '')}): run npm run build, not build:e2e`);

  const filename = `culprit-${target}-${version}.zip`;
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/web-ext'),
    ['build', '-s', dir, '-a', OUT, `--filename=${filename}`, '--overwrite-dest', '--no-input'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const zip = path.join(OUT, filename);
  console.log(`${path.relative(ROOT, zip)}  ${(fs.statSync(zip).size / 1024).toFixed(1)} KiB`);
}
