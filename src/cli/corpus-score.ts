import type { Detection, DetectionKind } from '../core/detect/types.ts';
import { type CorpusRow, isExpected } from './corpus-manifest.ts';

/** One page's vendor and kind, as labelled or as classified; `no-vendor` stands for vendor null. */
export interface Label {
  vendor: string;
  kind: DetectionKind;
}

export interface ScoredRow {
  file: string;
  expected: Label;
  got: Label;
  ok: boolean;
}

/** Precision and recall of one vendor or kind over a corpus; null when nothing was expected or answered. */
export interface Rate {
  label: string;
  expected: number;
  answered: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface Confusion {
  expected: string;
  got: string;
  files: string[];
}

const NO_VENDOR = 'no-vendor';

/**
 * Resolves a row's alternatives against the answer: `*` takes the vendor given, and among `a|b` the kind given counts
 * as the expected one when it is listed, else the first listed kind does. Every row then has one expected label, so
 * precision and recall are counted as for single labels.
 */
export function scoreRow(row: CorpusRow, detection: Detection): ScoredRow {
  const got: Label = { vendor: detection.vendor ?? NO_VENDOR, kind: detection.kind };
  const expectedKind = row.kinds.includes(detection.kind) ? detection.kind : (row.kinds[0] ?? 'none');
  const expected: Label = { vendor: row.vendor ?? got.vendor, kind: expectedKind };
  return { file: row.file, expected, got, ok: isExpected(row, detection) };
}

/** Per-label precision (right among answered) and recall (right among expected) on one axis, sorted by label. */
export function ratesBy(rows: readonly ScoredRow[], axis: keyof Label): Rate[] {
  const labels = [...new Set(rows.flatMap((row) => [row.expected[axis], row.got[axis]]))].sort();
  return labels.map((label) => {
    const expected = rows.filter((row) => row.expected[axis] === label).length;
    const answered = rows.filter((row) => row.got[axis] === label).length;
    const correct = rows.filter((row) => row.expected[axis] === label && row.got[axis] === label).length;
    return {
      label,
      expected,
      answered,
      correct,
      precision: answered > 0 ? correct / answered : null,
      recall: expected > 0 ? correct / expected : null,
    };
  });
}

/** Wrong answers grouped by (expected → got) pair, most frequent first. */
export function confusionsOf(rows: readonly ScoredRow[]): Confusion[] {
  const pairs = new Map<string, Confusion>();
  for (const row of rows.filter((item) => !item.ok)) {
    const expected = `${row.expected.vendor}/${row.expected.kind}`;
    const got = `${row.got.vendor}/${row.got.kind}`;
    const key = `${expected} → ${got}`;
    const pair = pairs.get(key) ?? { expected, got, files: [] };
    pair.files.push(row.file);
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => b.files.length - a.files.length || a.expected.localeCompare(b.expected));
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

function rateTable(title: string, rates: readonly Rate[]): string[] {
  const lines = [`${title.padEnd(16)} expected  answered  right  precision  recall`];
  for (const rate of rates) {
    const counts = [
      String(rate.expected).padStart(8),
      String(rate.answered).padStart(8),
      String(rate.correct).padStart(5),
    ];
    const rates = [percent(rate.precision).padStart(9), percent(rate.recall).padStart(6)];
    lines.push(`${rate.label.padEnd(16)} ${[...counts, ...rates].join('  ')}`);
  }
  return lines;
}

/** The per-vendor and per-kind tables and the confusion pairs, as printed under the score line. */
export function formatScoreReport(rows: readonly ScoredRow[]): string {
  const confusions = confusionsOf(rows);
  const lines = [
    ...rateTable('by vendor', ratesBy(rows, 'vendor')),
    '',
    ...rateTable('by kind', ratesBy(rows, 'kind')),
    '',
  ];
  if (confusions.length === 0) lines.push('confusions: none');
  else {
    lines.push('confusions (expected → got):');
    for (const pair of confusions) {
      lines.push(`  ${pair.expected} → ${pair.got}  ×${pair.files.length}  ${pair.files.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
