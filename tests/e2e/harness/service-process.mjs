// The real peer-report service (server/index.ts) as a child process on 127.0.0.1 with a throwaway PGlite directory:
// started, awaited until it says where it listens, and stopped. The E2E peer service and the radar page's browser
// test both run it this way.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './browsers.mjs';
import { withTimeout } from './wait.mjs';

/**
 * @param {Record<string, string>} env settings on top of a free port, no metrics port and the throwaway DATA_DIR
 * @param {{ label: string, startMs: number }} wait what to call the service in errors; how long its start may take
 * @returns {Promise<{ port: number, origin: string, stop: () => Promise<void> }>}
 */
export async function startServiceProcess(env, { label, startMs }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-service-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: '0', // the default 9464 is taken by any other service running on this machine
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** @type {Promise<number>} */
  const listening = new Promise((resolve, reject) => {
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}: ${output.slice(-500)}`)));
  });

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await withTimeout(`${label}: exit after SIGTERM`, exited, 10_000).catch(() => child.kill('SIGKILL'));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const port = await withTimeout(`${label}: "listening on" from server/index.ts`, listening, startMs).catch(
    async (err) => {
      await stop();
      throw err;
    },
  );
  return { port, origin: `http://127.0.0.1:${port}`, stop };
}
