// `node server/radar-page/build.mjs [--if-stale]`: builds the public radar page into dist/radar-page, which the
// service serves at `/`. `--if-stale` builds only when the page is missing or older than its sources, so npm's
// `prepare` and `npm run server` can both call it and a fresh clone shows the page with no step of its own.
// A failed build is reported, not fatal: the service still starts and answers 503 at `/` until the page exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'dist', 'radar-page');
/** What the page is built from: the page itself, the core and shared code it imports, and the toolchain. */
const INPUTS = ['server/radar-page', 'src/core', 'src/shared', 'package-lock.json'];

/** @param {string} input @returns {number} the newest mtime under a file or directory */
function newestMtime(input) {
  const full = path.join(ROOT, input);
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
}

function isFresh() {
  const index = path.join(OUT, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return INPUTS.every((input) => newestMtime(input) <= built);
}

/**
 * Builds beside the served copy and swaps it in whole, so a running service never serves an index.html whose assets
 * are not written yet.
 * @param {{ ifStale?: boolean }} [options] @returns {Promise<string>} the built directory
 */
export async function buildRadarPage({ ifStale = false } = {}) {
  if (ifStale && isFresh()) return OUT;
  const { build } = await import('vite');
  const temp = `${OUT}.tmp-${process.pid}`;
  await build({
    configFile: path.join(ROOT, 'server', 'radar-page', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: temp, emptyOutDir: true },
  });
  fs.rmSync(OUT, { recursive: true, force: true });
  try {
    fs.renameSync(temp, OUT);
  } catch (error) {
    // Another build (the test suite and `npm run server` at once) swapped its copy in first: keep that one.
    if (!fs.existsSync(path.join(OUT, 'index.html'))) throw error;
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return OUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const startedAt = performance.now();
  try {
    const ifStale = process.argv.includes('--if-stale');
    const wasFresh = ifStale && isFresh();
    await buildRadarPage({ ifStale });
    if (!wasFresh) console.log(`radar page built in ${Math.round(performance.now() - startedAt)} ms: ${OUT}`);
  } catch (error) {
    console.error(`culprit: could not build the radar page (the service answers 503 at / until it is built): ${error}`);
  }
}
