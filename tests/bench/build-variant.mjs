// One mechanism for the bench's variants of a build: copy it, then let the caller change its manifest and the
// service worker's source (the floors and the traced build of bench:pageload).
import fs from 'node:fs';
import path from 'node:path';

/**
 * Copies the build at `from` to `dir`, passes its manifest to `manifest` (to change in place) and writes back what
 * `worker` returns for the service worker's source. Extra files (name → text) are written beside it.
 * @param {string} from @param {string} dir
 * @param {{ manifest?: (m: { permissions: string[] }) => void, worker: (source: string) => string,
 *   files?: Record<string, string> }} change
 */
export function buildVariant(from, dir, change) {
  fs.cpSync(from, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  change.manifest?.(manifest);
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  for (const [name, text] of Object.entries(change.files ?? {})) fs.writeFileSync(path.join(dir, name), text);
  const worker = path.join(dir, manifest.background.service_worker);
  fs.writeFileSync(worker, change.worker(fs.readFileSync(worker, 'utf8')));
  return dir;
}
