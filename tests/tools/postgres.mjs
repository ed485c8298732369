#!/usr/bin/env node
/**
 * Runs a command against a throwaway PostgreSQL cluster, then removes the cluster.
 *
 *   node tests/tools/postgres.mjs [--optional] -- <command> [args...]
 *
 * Creates a cluster with initdb in a temp dir (as the `postgres` user when run as root, since PostgreSQL refuses root),
 * starts it on a free 127.0.0.1 port, creates database `culprit`, runs the command with DATABASE_URL set,
 * stops and deletes the cluster, and exits with the command's code.
 * Binaries: $PG_BIN, else the newest /usr/lib/postgresql/<ver>/bin (Debian's `apt-get install postgresql`), else PATH.
 * --optional: when no PostgreSQL binaries exist, run the command without DATABASE_URL instead of failing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const separator = process.argv.indexOf('--');
const options = process.argv.slice(2, separator === -1 ? undefined : separator);
const command = separator === -1 ? [] : process.argv.slice(separator + 1);
if (command.length === 0) {
  console.error('usage: node tests/tools/postgres.mjs [--optional] -- <command> [args...]');
  process.exit(2);
}

const binDir = findBinDir();
if (!binDir) {
  if (options.includes('--optional')) {
    console.error('[postgres] no PostgreSQL binaries found; running without DATABASE_URL');
    process.exit(runCommand(process.env));
  }
  console.error('[postgres] no PostgreSQL binaries: apt-get install -y postgresql, or set PG_BIN');
  process.exit(1);
}

/** Found (the checks above exit otherwise). @type {string} */
const pgBin = binDir;
const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'culprit-pg-'));
const dataDir = join(dir, 'data');
const port = await findFreePort();
let isStarted = false;

/** @param {string} file @param {string[]} args @returns {[string, string[]]} */
function asPostgresUser(file, args) {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

/** @param {string} file @param {string[]} args */
function run(file, args) {
  const [bin, argv] = asPostgresUser(join(pgBin, file), args);
  execFileSync(bin, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

function cleanUp() {
  if (isStarted) {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already gone (killed); the directory removal below is what matters.
    }
    isStarted = false;
  }
  rmSync(dir, { recursive: true, force: true });
}

try {
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', dataDir, '-U', 'culprit', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', 'start']);
  isStarted = true;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'culprit', database: 'postgres' });
  await admin.connect();
  await admin.query('CREATE DATABASE culprit');
  await admin.end();
} catch (error) {
  console.error('[postgres] could not start a cluster:', error instanceof Error ? error.message : error);
  cleanUp();
  process.exit(1);
}

const databaseUrl = `postgres://culprit@127.0.0.1:${port}/culprit`;
console.error(`[postgres] ${binDir} on ${databaseUrl}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
const code = runCommand({ ...process.env, DATABASE_URL: databaseUrl });
cleanUp();
process.exit(code);

/** @param {NodeJS.ProcessEnv} env */
function runCommand(env) {
  const [program = '', ...programArgs] = command; // never empty: checked on entry
  const result = spawnSync(program, programArgs, { stdio: 'inherit', env });
  if (result.error) console.error('[postgres]', result.error.message);
  return result.status ?? 1;
}

function findBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return onPath.status === 0 ? join(onPath.stdout.trim(), '..') : null;
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
