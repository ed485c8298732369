// Where the browsers and the built extension are, and what to do when a browser is missing:
// CI must fail loudly (a silently skipped suite is a green lie), a developer machine gets a visible skip.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');

export const BROWSERS = {
  // The real binary, not the /usr/bin wrapper, which injects an empty --load-extension and its own flags.
  chromium: {
    binary: process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium',
    extension: path.join(ROOT, 'dist/chrome'),
    apt: 'chromium',
  },
  firefox: {
    binary: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr',
    extension: path.join(ROOT, 'dist/firefox'),
    apt: 'firefox-esr',
  },
};

/**
 * A second, tiny extension standing in for the person's own content blocker: one declarativeNetRequest rule refuses
 * main frames of the scenario table's BLOCKED_SITE (blocker/rules.json). The scenario suite loads it next to Culprit.
 */
export const BLOCKER_EXTENSION = path.join(ROOT, 'tests/e2e/blocker');

export const isCi = () => /^(1|true)$/i.test(process.env.CI ?? '');

/**
 * Why this browser cannot run here, or null when it can.
 * @param {'chromium' | 'firefox'} name
 */
export function unavailableReason(name) {
  const b = BROWSERS[name];
  if (!fs.existsSync(b.binary)) return `${name} is not installed at ${b.binary} (apt-get install ${b.apt})`;
  if (!fs.existsSync(path.join(b.extension, 'manifest.json'))) return `${b.extension} is not built (npm run build:e2e)`;
  return null;
}

/** @param {string} file a name for the file; anything but word characters, dots and dashes becomes a dash */
export function artifactPath(file) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, file.replace(/[^\w.-]+/g, '-'));
}
