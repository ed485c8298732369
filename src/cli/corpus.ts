/**
 * `npm run corpus -- DIR`: classifies every page listed in DIR/MANIFEST.tsv with its recorded status and no
 * headers, prints PASS/FAIL per file, a score line, then per-vendor and per-kind precision and recall and the
 * confusion pairs. Exit 1 if any page fails, 2 on bad arguments or manifest.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyFile } from './classify-file.ts';
import { parseCorpusManifest } from './corpus-manifest.ts';
import { formatScoreReport, type ScoredRow, scoreRow } from './corpus-score.ts';

async function main(dir: string | undefined): Promise<number> {
  if (!dir || process.argv.length !== 3) {
    process.stderr.write('usage: corpus DIR   (DIR holds MANIFEST.tsv)\n');
    return 2;
  }
  let manifest: ReturnType<typeof parseCorpusManifest>;
  try {
    manifest = parseCorpusManifest(await readFile(join(dir, 'MANIFEST.tsv'), 'utf8'));
  } catch (error) {
    process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let passed = 0;
  const scored: ScoredRow[] = [];
  for (const row of manifest.rows) {
    const expected = `${row.vendor ?? '*'}/${row.kinds.join('|')}`;
    try {
      const detection = await classifyFile({
        file: join(dir, row.file),
        url: 'https://corpus.invalid/',
        status: row.status,
        headers: null,
        warn: (message) => process.stderr.write(`corpus: ${message}\n`),
      });
      const result = scoreRow(row, detection);
      scored.push(result);
      const ok = result.ok;
      if (ok) passed++;
      const platform = detection.platform ? ` platform=${detection.platform}` : '';
      const got = `${detection.vendor ?? 'null'}/${detection.kind} code=${detection.code ?? '-'}${platform}`;
      process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${row.file}  got ${got}  expected ${expected}\n`);
    } catch (error) {
      process.stdout.write(`FAIL  ${row.file}  error ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const total = manifest.rows.length;
  process.stdout.write(`score: ${passed}/${total} pages right (${manifest.skipped.length} non-page rows skipped)\n\n`);
  process.stdout.write(formatScoreReport(scored));
  return passed === total ? 0 : 1;
}

process.exitCode = await main(process.argv[2]);
