import { describe, expect, it } from 'vitest';
import { aDetection } from '../../tests/support/builders.ts';
import type { CorpusRow } from './corpus-manifest.ts';
import { confusionsOf, formatScoreReport, ratesBy, type ScoredRow, scoreRow } from './corpus-score.ts';

const row = (over: Partial<CorpusRow>): CorpusRow => ({
  file: 'page.html',
  status: 502,
  vendor: null,
  kinds: ['none'],
  ...over,
});

describe('scoreRow', () => {
  it('takes the answered kind as expected when the row lists it among alternatives', () => {
    const scored = scoreRow(
      row({ vendor: 'cloudfront', kinds: ['site-config', 'origin-error'] }),
      aDetection({ vendor: 'cloudfront', kind: 'origin-error' }),
    );
    expect(scored).toMatchObject({ ok: true, expected: { vendor: 'cloudfront', kind: 'origin-error' } });
  });

  it('takes the first alternative as expected when the answer is none of them', () => {
    const scored = scoreRow(
      row({ vendor: 'azure', kinds: ['site-config', 'origin-error'] }),
      aDetection({ vendor: null, kind: 'none' }),
    );
    expect(scored).toMatchObject({
      ok: false,
      expected: { vendor: 'azure', kind: 'site-config' },
      got: { vendor: 'no-vendor', kind: 'none' },
    });
  });

  it('lets `*` take whatever vendor was answered', () => {
    const scored = scoreRow(row({ kinds: ['none'] }), aDetection({ vendor: 'cloudflare', kind: 'none' }));
    expect(scored).toMatchObject({ ok: true, expected: { vendor: 'cloudflare' } });
  });
});

describe('ratesBy and confusionsOf', () => {
  const rows: ScoredRow[] = [
    {
      file: 'a',
      expected: { vendor: 'cloudflare', kind: 'blocked' },
      got: { vendor: 'cloudflare', kind: 'blocked' },
      ok: true,
    },
    {
      file: 'b',
      expected: { vendor: 'cloudflare', kind: 'blocked' },
      got: { vendor: 'cloudflare', kind: 'origin-error' },
      ok: false,
    },
    {
      file: 'c',
      expected: { vendor: 'cloudflare', kind: 'blocked' },
      got: { vendor: 'cloudflare', kind: 'origin-error' },
      ok: false,
    },
    {
      file: 'd',
      expected: { vendor: 'no-vendor', kind: 'origin-error' },
      got: { vendor: 'no-vendor', kind: 'origin-error' },
      ok: true,
    },
  ];

  it('counts precision over answers and recall over expectations, per kind', () => {
    const byKind = Object.fromEntries(ratesBy(rows, 'kind').map((rate) => [rate.label, rate]));
    expect(byKind.blocked).toMatchObject({ expected: 3, answered: 1, correct: 1, precision: 1, recall: 1 / 3 });
    expect(byKind['origin-error']).toMatchObject({ expected: 1, answered: 3, correct: 1, precision: 1 / 3, recall: 1 });
  });

  it('counts per vendor, with vendor null as its own label', () => {
    expect(ratesBy(rows, 'vendor').map((rate) => [rate.label, rate.precision, rate.recall])).toEqual([
      ['cloudflare', 1, 1],
      ['no-vendor', 1, 1],
    ]);
  });

  it('groups wrong answers by pair, most frequent first, and prints them', () => {
    expect(confusionsOf(rows)).toEqual([
      { expected: 'cloudflare/blocked', got: 'cloudflare/origin-error', files: ['b', 'c'] },
    ]);
    const report = formatScoreReport(rows);
    expect(report).toContain('cloudflare/blocked → cloudflare/origin-error  ×2  b, c');
    expect(report).toMatch(/blocked\s+3\s+1\s+1\s+100\.0%\s+33\.3%/);
  });

  it('says so when nothing is confused, and prints n/a for a label never answered', () => {
    const report = formatScoreReport([{ ...rows[0], ok: true } as ScoredRow, { ...rows[1], ok: true } as ScoredRow]);
    expect(report).toContain('confusions: none');
    expect(report).toMatch(/blocked\s+2\s+1\s+1\s+100\.0%\s+50\.0%/);
    expect(report).toMatch(/origin-error\s+0\s+1\s+0\s+0\.0%\s+n\/a/);
  });
});
