// Self-signed certificate for the fake HTTPS hosts, made at test time so no key material lives in the repo.
// The browsers are told to accept it (--ignore-certificate-errors / acceptInsecureCerts); the SAN list is still
// right so that a future test can pin it with --ignore-certificate-errors-spki-list instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @param {string[]} hosts @returns {{ key: string, cert: string }} */
export function makeSelfSignedCert(hosts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'culprit-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=culprit-e2e',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  } catch (err) {
    const missing = /** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT';
    throw new Error(
      missing
        ? 'openssl is not installed (apt-get install openssl); the e2e HTTPS fakes need it'
        : `openssl failed: ${err}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
