/**
 * Guards the score on the third-party corpora in ../shared/real-world and ../shared/real-world-more (read in place,
 * never copied): every labelled page must classify as labelled, the same check `npm run corpus -- DIR` prints. A
 * corpus folder that is absent skips its block.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFile } from '../../src/cli/classify-file.ts';
import { isExpected, parseCorpusManifest } from '../../src/cli/corpus-manifest.ts';
import { PAGE_CORPORA } from '../support/real-world.ts';

for (const { dir, minimumPages } of PAGE_CORPORA) {
  const manifestPath = join(dir, 'MANIFEST.tsv');
  const present = existsSync(manifestPath);

  describe.skipIf(!present)(`page corpus ${dir}`, () => {
    const { rows } = present ? parseCorpusManifest(readFileSync(manifestPath, 'utf8')) : { rows: [] };

    it(`has at least ${minimumPages} pages to score`, () => expect(rows.length).toBeGreaterThanOrEqual(minimumPages));

    it.each(rows.map((row) => [row.file, row] as const))('%s classifies as labelled', async (_, row) => {
      const detection = await classifyFile({
        file: join(dir, row.file),
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
}
