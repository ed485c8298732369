/**
 * Third-party captures in `../shared/real-world` and `../shared/real-world-more` (beside the repository, as on CI and
 * developer machines). Tests read them in place and skip with a reason when a folder is absent; they are never copied
 * into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED_DIR = join(import.meta.dirname, '..', '..', '..', 'shared');
const REAL_STATUS_DIR = join(SHARED_DIR, 'real-world', 'status');

/** The labelled page corpora, each scored page by page in the unit suite and by `npm run corpus -- DIR`. */
export const PAGE_CORPORA: ReadonlyArray<{ dir: string; minimumPages: number }> = [
  { dir: join(SHARED_DIR, 'real-world'), minimumPages: 30 },
  { dir: join(SHARED_DIR, 'real-world-more'), minimumPages: 100 },
];

export function hasRealPayload(name: string): boolean {
  return existsSync(join(REAL_STATUS_DIR, name));
}

export function realPayload(name: string): Uint8Array | null {
  const path = join(REAL_STATUS_DIR, name);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}
