import * as v from 'valibot';
import { DETECTION_KINDS, VENDORS, type Detection, type DetectionKind, type Vendor } from '../core/detect/types.ts';
import { describeIssues } from '../core/validation-issues.ts';

/** One page row of a real-world corpus MANIFEST.tsv (status-API rows, whose kind is `-`, are skipped). */
export interface CorpusRow {
  file: string;
  status: number | null;
  /** null = any vendor (`*`). */
  vendor: Vendor | null;
  kinds: DetectionKind[];
}

const COLUMNS = ['file', 'source', 'kind', 'http_status', 'expect_vendor', 'expect_kind', 'notes'] as const;

const RowSchema = v.object({
  file: v.pipe(v.string(), v.minLength(1)),
  http_status: v.union([v.literal('-'), v.pipe(v.string(), v.regex(/^\d{3}$/, 'http_status must be 3 digits or -'))]),
  expect_vendor: v.union([v.literal('*'), v.picklist(VENDORS, 'expect_vendor must be a known vendor or *')]),
  expect_kind: v.pipe(
    v.string(),
    v.transform((value) => value.split('|')),
    v.array(v.picklist(DETECTION_KINDS, 'expect_kind must be kinds joined by |')),
  ),
});

/**
 * Parses MANIFEST.tsv text. Rows with `expect_kind` `-` are not pages and are returned in `skipped`.
 * @throws Error naming the line when the header or a row is malformed.
 */
export function parseCorpusManifest(tsv: string): { rows: CorpusRow[]; skipped: string[] } {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split('\t') ?? [];
  if (COLUMNS.some((name, i) => header[i] !== name)) {
    throw new Error(`MANIFEST.tsv header must start with: ${COLUMNS.join(', ')}`);
  }
  const rows: CorpusRow[] = [];
  const skipped: string[] = [];
  lines.slice(1).forEach((line, index) => {
    const cells = line.split('\t');
    const record = Object.fromEntries(COLUMNS.map((name, i) => [name, cells[i] ?? '']));
    if (record.expect_kind === '-') {
      skipped.push(record.file ?? '');
      return;
    }
    const parsed = v.safeParse(RowSchema, record);
    if (!parsed.success) {
      throw new Error(`MANIFEST.tsv line ${index + 2}: ${describeIssues(parsed.issues, Infinity)}`);
    }
    const row = parsed.output;
    rows.push({
      file: row.file,
      status: row.http_status === '-' ? null : Number(row.http_status),
      vendor: row.expect_vendor === '*' ? null : row.expect_vendor,
      kinds: row.expect_kind,
    });
  });
  return { rows, skipped };
}

/** Whether a detection meets a row's expectation (`*` vendor matches anything, kinds are alternatives). */
export function isExpected(row: CorpusRow, detection: Detection): boolean {
  return (row.vendor === null || row.vendor === detection.vendor) && row.kinds.includes(detection.kind);
}
