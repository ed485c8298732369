/**
 * Third-party captures in `../shared/real-world` (beside the repository, as on CI and developer machines). Tests read
 * them in place and skip with a reason when the folder is absent; they are never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_WORLD_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-world');
const REAL_STATUS_DIR = join(REAL_WORLD_DIR, 'status');

export function hasRealPayload(name: string): boolean {
  return existsSync(join(REAL_STATUS_DIR, name));
}

export function realPayload(name: string): Uint8Array | null {
  const path = join(REAL_STATUS_DIR, name);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}
