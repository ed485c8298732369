// `node src/cli/launch.mjs classify|check|corpus ARGS...` (what `npm run classify|check|corpus` call): runs the
// command from a prebuilt bundle in dist-cli/, building it first when the sources are newer (a fresh clone, an edit).
// `--build` only builds (npm's `prepare`, after `npm ci`). Builds land in a directory named after the sources' state
// and are renamed into place whole, so a run never sees a half-written bundle; runs started together build once.

// process.getBuiltinModule, not `import`: an ES import of node:fs builds its ES facade, which loads fs streams too,
// a few milliseconds of a start-up that should cost little more than Node's own.
const fs = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'dist-cli');
const COMMANDS = ['classify', 'check', 'corpus'];
/** What the bundle is built from: a change to any of these makes it stale. */
const INPUTS = ['src/core', 'src/cli', 'package-lock.json'];
/** Other builds are removed once this old: long enough for a run still loading their chunks to finish. */
const KEEP_OLD_MS = 10 * 60_000;
/** Longer than a build takes on a busy machine; a lock older than this belonged to a build that died. */
const BUILD_WAIT_MS = 120_000;

/**
 * 64-bit FNV-1a in two 32-bit lanes. node:crypto would do, but loading it costs more than the whole walk below, on a
 * path whose every millisecond counts; this only has to notice that the sources changed.
 */
function createHash() {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  return {
    update(text) {
      for (let i = 0; i < text.length; i++) {
        low = Math.imul(low ^ text.charCodeAt(i), 0x01000193) >>> 0;
        high = Math.imul(high ^ low, 0x01000193) >>> 0;
      }
    },
    digest: () => high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0'),
  };
}

/** Relative paths of the files under `dir`, tests left out (they are not in the bundle). */
function filesUnder(dir) {
  const files = [];
  for (const entry of fs.readdirSync(`${ROOT}/${dir}`, { withFileTypes: true })) {
    const name = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...filesUnder(name));
    else if (entry.isFile() && !name.endsWith('.test.ts')) files.push(name);
  }
  return files;
}

/**
 * Every input file with its size and mtime: a few milliseconds for the hundred-odd files involved. Paths are joined
 * by hand (fs.readdirSync's `recursive` included) because node:path's normalising costs more than the stats.
 */
function sourceStamp() {
  const hash = createHash();
  for (const input of INPUTS) {
    const files = input.endsWith('.json') ? [input] : filesUnder(input);
    for (const file of files.sort()) {
      const stat = fs.statSync(`${ROOT}/${file}`);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest();
}

const isBuilt = (dir) => fs.existsSync(path.join(dir, 'corpus.js'));

/**
 * Waits while another run builds the same sources (the test suite starts several CLIs at once), so they build once.
 * @returns {Promise<boolean>} true when that build landed, false when its lock went away without one
 */
async function awaitOtherBuild(dir, lock) {
  const until = Date.now() + BUILD_WAIT_MS;
  while (Date.now() < until) {
    if (isBuilt(dir)) return true;
    if (!fs.existsSync(lock)) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fs.rmSync(lock, { recursive: true, force: true }); // a build that died holding the lock
  return false;
}

/** The bundle for the sources as they are now, built if missing. @returns {Promise<string>} its directory */
async function ensureBundle() {
  const dir = path.join(OUT, sourceStamp());
  if (isBuilt(dir)) return dir;
  fs.mkdirSync(OUT, { recursive: true });
  const lock = `${dir}.lock`;
  try {
    fs.mkdirSync(lock);
  } catch {
    if (await awaitOtherBuild(dir, lock)) return dir;
    return ensureBundle();
  }
  try {
    const { buildCli } = await import('./build-cli.mjs');
    const temp = `${dir}.tmp-${process.pid}`;
    await buildCli(ROOT, temp);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(temp, dir);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  for (const name of fs.readdirSync(OUT)) {
    const other = path.join(OUT, name);
    if (other !== dir && Date.now() - fs.statSync(other).mtimeMs > KEEP_OLD_MS) {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }
  return dir;
}

const [command] = process.argv.splice(2, 1);
if (command === '--build') {
  // npm ci must not fail over a cache: a failed build is reported and retried by the first run.
  await ensureBundle().catch((error) => console.error(`culprit: could not prebuild the CLI: ${error}`));
} else if (command && COMMANDS.includes(command)) {
  await import(pathToFileURL(path.join(await ensureBundle(), `${command}.js`)).href);
} else {
  process.stderr.write(`usage: launch.mjs ${COMMANDS.join('|')} ARGS...   or   launch.mjs --build\n`);
  process.exitCode = 2;
}
