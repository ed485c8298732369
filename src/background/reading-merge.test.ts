import { describe, expect, it } from 'vitest';
import { aTabState } from '../../tests/support/builders.ts';
import type { DocumentRef, ReadingSource, TabState } from '../shared/tab-state.ts';
import {
  compareDocuments,
  type IncomingReading,
  isReaderExpected,
  type Merge,
  mergeReading,
  SAME_DOCUMENT_SKEW_MS,
} from './reading-merge.ts';

/** A page whose navigation started at 10 000 and whose content script first read it at 10 400. */
const page: DocumentRef = { startedAt: 10_000, shownAt: 10_400 };
const event = (at: number): DocumentRef => ({ startedAt: at, shownAt: null });
/** A page restored from the back/forward cache at 20 000. */
const cachedShowing: DocumentRef = { startedAt: 20_000, shownAt: 20_000, cached: true };

describe('which document a reading is about', () => {
  it.each<[string, DocumentRef, DocumentRef, ReturnType<typeof compareDocuments>]>([
    ["the page's own headers, delivered after its report", event(10_150), page, 'same'],
    ['headers a little before the navigation start (its clock is converted)', event(9_500), page, 'same'],
    [
      'headers of the page before, more than the slack earlier',
      event(10_000 - SAME_DOCUMENT_SKEW_MS - 1),
      page,
      'older',
    ],
    ['headers of a navigation after the page was read', event(10_401), page, 'newer'],
    ['a page read after a header event of its own navigation', page, event(10_150), 'same'],
    ['a page, against the headers of the navigation after it', page, event(11_000), 'older'],
    ['a later showing (restored from the cache)', { startedAt: 20_000, shownAt: 20_000, cached: true }, page, 'newer'],
    ['headers sent just before a restore, against the restored showing', event(19_900), cachedShowing, 'older'],
    ['a report of the restored showing, against it', { ...cachedShowing }, cachedShowing, 'same'],
    ['the same showing, re-reported', { ...page }, page, 'same'],
    ['a later browser event', event(2), event(1), 'newer'],
  ])('%s', (_, incoming, stored, expected) => {
    expect(compareDocuments(incoming, stored)).toBe(expected);
  });
});

describe('the merge rule', () => {
  const stored = (source: ReadingSource, document: DocumentRef, over: Partial<TabState> = {}) => ({
    state: aTabState({ url: 'https://a.example/x', source, document, ...over }),
    pageSequence: source === 'page' ? 3 : null,
  });
  const incoming = (source: ReadingSource, document: DocumentRef, over: Partial<IncomingReading> = {}) => ({
    source,
    document,
    url: 'https://a.example/x',
    ...over,
  });

  it.each<[string, ReturnType<typeof stored> | { state: null; pageSequence: null }, IncomingReading, Merge]>([
    ['anything into an empty tab', { state: null, pageSequence: null }, incoming('headers', event(1)), 'replace'],
    ['late headers into their page', stored('page', page), incoming('headers', event(10_100)), 'join'],
    [
      'late headers of another origin (a redirect hop, the page before)',
      stored('page', page),
      incoming('headers', event(10_100), { url: 'https://b.example/' }),
      'drop',
    ],
    ['headers of an older document', stored('page', page), incoming('headers', event(5_000)), 'drop'],
    ['headers of a newer document', stored('page', page), incoming('headers', event(10_500)), 'replace'],
    ['a page report onto its headers', stored('headers', event(10_100)), incoming('page', page), 'join'],
    ['a re-report', stored('page', page), incoming('page', page, { sequence: 4 }), 'join'],
    [
      'an earlier report arriving after a later one',
      stored('page', page),
      incoming('page', page, { sequence: 2 }),
      'drop',
    ],
    ['a report from a page the tab has left', stored('headers', event(10_500)), incoming('page', page), 'drop'],
    ['a network error after its page reported', stored('page', page), incoming('network-error', event(10_100)), 'drop'],
    [
      'a page read after a network error (a reload that worked)',
      stored('network-error', event(10_100), { kind: 'network-error' }),
      incoming('page', page),
      'replace',
    ],
    [
      'a report from before a network error',
      stored('network-error', event(10_500), { kind: 'network-error' }),
      incoming('page', page),
      'drop',
    ],
    ['a network error retried', stored('network-error', event(1)), incoming('network-error', event(2)), 'replace'],
    [
      'a restore',
      stored('page', page),
      incoming('restored', { startedAt: 10_401, shownAt: 10_401, cached: true }),
      'replace',
    ],
    ['the restored page reporting', stored('restored', cachedShowing), incoming('page', cachedShowing), 'join'],
    [
      'late headers of the page before the restore',
      stored('page', cachedShowing),
      incoming('headers', event(19_800)),
      'drop',
    ],
  ])('%s', (_, before, reading, expected) => {
    expect(mergeReading(before, reading)).toBe(expected);
  });
});

describe('whether a page report is still to come', () => {
  it.each<[ReadingSource, TabState['kind'], boolean]>([
    ['headers', 'origin-error', true],
    ['headers', 'none', false],
    ['restored', 'origin-error', true],
    ['network-error', 'network-error', false],
    ['page', 'edge-error', false],
  ])('%s reading %s: %s', (source, kind, expected) => {
    expect(isReaderExpected(source, kind)).toBe(expected);
  });
});
