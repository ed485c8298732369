/**
 * `npm run bench:detect`: cost of the content-script path (isCandidatePage, then extractPageMarkers only for
 * candidates) on happy-dom documents, plus minified/gzip sizes of the built bundles; the reader (injected only into
 * suspected error pages) against the content-script budget.
 * Figures are printed, not asserted: budgets are read by people, timed tests would be flaky.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHtml, type ParsedPage } from '../../src/cli/parse-html.ts';
import { extractPageMarkers } from '../../src/core/detect/extract-markers.ts';
import { isCandidatePage } from '../../src/core/detect/prefilter.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/pages');
const ASSETS = join(ROOT, 'dist/chrome/assets');
const TARGET_P95_MS = 0.1;
const CONTENT_BUDGET_BYTES = 15 * 1024;

interface Case {
  name: string;
  html: string;
  status: number | null;
  isPlainText?: boolean;
  iterations: number;
}

function buildNormalPage(bytes: number): string {
  const paragraph = 'The committee met on Tuesday to review the budget and agreed to publish the minutes next week. ';
  const parts = [
    '<!DOCTYPE html><html lang="en"><head><title>City Council — Minutes archive</title>',
    '<link rel="stylesheet" href="/site.css"><script src="/app.js" defer></script></head><body><nav id="top">',
  ];
  for (let i = 0; i < 40; i++) parts.push(`<a class="nav-link" href="/section/${i}">Section ${i}</a>`);
  parts.push('</nav><main id="content">');
  let size = parts.join('').length;
  for (let i = 0; size < bytes; i++) {
    const block = `<article class="entry" id="e${i}"><h2>Meeting ${i}</h2><p>${paragraph.repeat(8)}</p></article>`;
    parts.push(block);
    size += block.length;
  }
  parts.push('</main></body></html>');
  return parts.join('');
}

function fixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

const CASES: Case[] = [
  { name: 'normal page, 6 KB, 200', html: buildNormalPage(6_000), status: 200, iterations: 20_000 },
  { name: 'normal page, 1 MB, 200', html: buildNormalPage(1_000_000), status: 200, iterations: 20_000 },
  { name: 'normal page, 1 MB, status unknown', html: buildNormalPage(1_000_000), status: null, iterations: 20_000 },
  { name: 'normal page with CF beacon, 200', html: fixture('cf-beacon-normal.html'), status: 200, iterations: 20_000 },
  { name: 'Cloudflare 522 page', html: fixture('cf-522-host-down.html'), status: 522, iterations: 3_000 },
  { name: 'Cloudflare managed challenge', html: fixture('cf-managed-challenge.html'), status: 403, iterations: 3_000 },
  { name: 'Cloudflare 1020 branded, 403', html: fixture('cf-1020-branded.html'), status: 403, iterations: 3_000 },
  {
    name: 'plain text `error code: 1020`',
    html: fixture('cf-1020-plain.txt'),
    status: null,
    isPlainText: true,
    iterations: 3_000,
  },
  { name: 'Incapsula block, 200', html: fixture('imperva-block-200.html'), status: 200, iterations: 3_000 },
];

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The content script's path: the prefilter, and extraction only when it says yes. */
function runContentPath(doc: Document, status: number | null): boolean {
  const isCandidate = isCandidatePage(doc, status);
  if (isCandidate) extractPageMarkers(doc);
  return isCandidate;
}

function measure(page: ParsedPage, item: Case): { candidate: boolean; p50: number; p95: number } {
  for (let i = 0; i < 200; i++) runContentPath(page.document, item.status);
  const times = new Float64Array(item.iterations);
  let candidate = false;
  for (let i = 0; i < item.iterations; i++) {
    const started = performance.now();
    candidate = runContentPath(page.document, item.status);
    times[i] = performance.now() - started;
  }
  times.sort();
  return { candidate, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchContentPath(): Promise<void> {
  console.log('Content-script path (isCandidatePage → extractPageMarkers if candidate), happy-dom documents');
  console.log(
    `${'page'.padEnd(36)} ${'size'.padStart(9)} ${'cand.'.padStart(6)} ${'runs'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)}  target`,
  );
  for (const item of CASES) {
    const page = parseHtml(item.html, 'https://bench.test/', item.isPlainText ?? false);
    const { candidate, p50, p95 } = measure(page, item);
    await page.close();
    const verdict = candidate
      ? '(error page: informative)'
      : p95 <= TARGET_P95_MS
        ? `ok ≤ ${TARGET_P95_MS}`
        : `OVER ${TARGET_P95_MS}`;
    const size = `${(item.html.length / 1024).toFixed(1)} KB`;
    console.log(
      `${item.name.padEnd(36)} ${size.padStart(9)} ${String(candidate).padStart(6)} ${String(item.iterations).padStart(6)} ${p50.toFixed(4).padStart(9)} ${p95.toFixed(4).padStart(9)}  ${verdict}`,
    );
  }
}

function reportBundles(): void {
  console.log('\nBundles in dist/chrome (minified as built; gzip -9 for reference)');
  if (!existsSync(ASSETS)) {
    console.log('dist/chrome/assets not found: run npm run build first');
    return;
  }
  console.log(`${'file'.padEnd(40)} ${'bytes'.padStart(9)} ${'gzip'.padStart(8)}`);
  const sizeOf = (path: string) => {
    const bytes = readFileSync(path);
    return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  for (const file of readdirSync(ASSETS)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    const { bytes, gzip } = sizeOf(join(ASSETS, file));
    console.log(`${file.padEnd(40)} ${String(bytes).padStart(9)} ${String(gzip).padStart(8)}`);
  }
  // The reader is one classic script the background injects into suspected error pages only (vite.reader.ts).
  const reader = join(ROOT, 'dist/chrome/reader.js');
  if (!existsSync(reader)) {
    console.log('dist/chrome/reader.js not found: run npm run build first');
    return;
  }
  const { bytes, gzip } = sizeOf(reader);
  const verdict = bytes <= CONTENT_BUDGET_BYTES ? 'within' : 'OVER';
  console.log(
    `reader.js (injected on demand): ${bytes} bytes (${gzip} gzip): ${verdict} the ${CONTENT_BUDGET_BYTES}-byte (15 KB) budget, polyfill included`,
  );
}

await benchContentPath();
reportBundles();
