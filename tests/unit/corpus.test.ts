/**
 * Guards the score on the third-party corpus in ../shared/real-world (read in place, never copied): every labelled
 * page must classify as labelled, the same check `npm run corpus -- ../shared/real-world` prints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFile } from '../../src/cli/classify-file.ts';
import { isExpected, parseCorpusManifest } from '../../src/cli/corpus-manifest.ts';
import { REAL_WORLD_DIR } from '../support/real-world.ts';

const manifestPath = join(REAL_WORLD_DIR, 'MANIFEST.tsv');
const present = existsSync(manifestPath);

describe.skipIf(!present)(`real-world corpus (${REAL_WORLD_DIR})`, () => {
  const { rows } = present ? parseCorpusManifest(readFileSync(manifestPath, 'utf8')) : { rows: [] };

  it('has pages to score', () => expect(rows.length).toBeGreaterThan(30));

  it.each(rows.map((row) => [row.file, row] as const))('%s classifies as labelled', async (_, row) => {
    const detection = await classifyFile({
      file: join(REAL_WORLD_DIR, row.file),
      url: 'https://corpus.invalid/',
      status: row.status,
      headers: null,
    });
    expect(
      isExpected(row, detection),
      `got ${detection.vendor}/${detection.kind}, expected ${row.vendor ?? '*'}/${row.kinds.join('|')}`,
    ).toBe(true);
  });
});
