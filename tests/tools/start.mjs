// `npm start` / `npm run start:firefox`: build, then open a real browser with the extension loaded, in the spirit
// of `web-ext run`. Usage: start.mjs [chromium|firefox] [--headless] [--demo] [url]
//   --demo     also start the e2e fake servers and map their hosts, so failure pages can be tried offline
//              (http://shop-522.test/, http://forum-1020.test/, http://tickets-unblock.test/ ...)
//   --headless for a machine without a display (a smoke run: nothing to look at, the browser just runs)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSERS, ROOT } from '../e2e/harness/browsers.mjs';
import { findClosedPort, mappedHosts, startFakeServers } from '../e2e/fakes/servers.mjs';
import { REFUSED_HOST } from '../e2e/scenarios/table.mjs';

const argv = process.argv.slice(2);
const browser = argv.includes('firefox') ? 'firefox' : 'chromium';
const headless = argv.includes('--headless');
const demo = argv.includes('--demo');
const url = argv.find((a) => /^[a-z]+:/.test(a)) ?? (demo ? 'http://shop-522.test/checkout' : 'about:blank');

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    `No display: DISPLAY is not set, so a ${browser} window cannot open here.\n` +
      'Run this from a desktop session (or under xvfb-run), or pass --headless for a windowless smoke run.',
  );
  process.exit(1);
}
const { binary } = BROWSERS[browser];
if (!fs.existsSync(binary)) {
  console.error(`${browser} is not installed at ${binary} (apt-get install ${BROWSERS[browser].apt}).`);
  process.exit(1);
}

// A normal (production) build: what a user would load unpacked.
if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

const hosts = mappedHosts();
const fakes = demo ? await startFakeServers(hosts) : null;
const closedPort = demo ? await findClosedPort() : 0;
if (fakes) console.log(`demo: fake CDN/origin on 127.0.0.1:${fakes.port} for ${hosts.join(', ')}`);

const profile = fs.mkdtempSync(path.join(os.tmpdir(), `culprit-${browser}-`));
const child = browser === 'chromium' ? startChromium() : startFirefox();
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('close', async (code) => {
  if (fakes) console.log(`demo: the fakes served ${[...fakes.hits.values()].reduce((a, b) => a + b, 0)} request(s)`);
  await fakes?.close();
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(code ?? 0);
});

function startChromium() {
  const ext = BROWSERS.chromium.extension;
  const args = [
    `--user-data-dir=${profile}`,
    `--load-extension=${ext}`,
    `--disable-extensions-except=${ext}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to start as root with its sandbox (containers, CI); a normal user keeps the sandbox.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(headless ? ['--headless=new'] : []),
    ...(fakes
      ? [
          `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${h === REFUSED_HOST ? closedPort : fakes.port}`).join(',')}`,
          '--ignore-certificate-errors', // the demo's certificate is self-signed
        ]
      : []),
    url,
  ];
  console.log(`${binary} ${args.join(' ')}`);
  return spawn(binary, args, { stdio: 'inherit' });
}

function startFirefox() {
  const args = [
    'run',
    '-s',
    BROWSERS.firefox.extension,
    `--firefox=${binary}`,
    `--firefox-profile=${profile}`,
    '--no-input',
    `--start-url=${url}`,
    ...(headless ? ['--arg=--headless'] : []),
    ...(fakes
      ? [
          `--pref=network.dns.localDomains=${hosts.join(',')}`,
          `--pref=network.socket.forcePort=80=${fakes.port};443=${fakes.port}`,
          '--pref=dom.security.https_first=false',
        ]
      : []),
  ];
  console.log(`web-ext ${args.join(' ')}`);
  return spawn(path.join(ROOT, 'node_modules/.bin/web-ext'), args, { stdio: 'inherit' });
}
