import { describe, expect, it } from 'vitest';
import type { Verdict } from '../diagnose/types.ts';
import {
  FAMILY_WINDOW_MS,
  HOSTS_KEPT,
  MAX_ENTRIES,
  RETENTION_MS,
  closeIncident,
  entryName,
  hostCountOf,
  isIncident,
  prune,
  recordIncident,
  type HistoryEntry,
} from './log.ts';
import { csvField, filterEntries, toCsv, toJson } from './export.ts';
import { aVerdict, anEvidenceItem } from '../../../tests/support/builders.ts';

const T0 = Date.UTC(2025, 10, 18, 11, 25);
// A CDN-wide verdict with more evidence than an entry keeps, so the tests see which items it picks.
const EVIDENCE = [
  anEvidenceItem('page', 'ev_pageKind', { params: { code: 500 }, weight: 0.7 }),
  anEvidenceItem('correlation', 'ev_correlated', { params: { count: 2 }, weight: 0.8 }),
  anEvidenceItem('control-probe', 'ev_controlFailed', { weight: 0.4 }),
  anEvidenceItem('vendor-status', 'ev_statusUnreachable', { weight: 0.3 }),
];
const verdict = (over: Partial<Verdict> = {}) =>
  aVerdict({ culprit: 'cdn', rule: 'cdn-correlated', evidence: EVIDENCE, ...over });
const entry = (i: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `e${i}`,
  host: `h${i}.example`,
  culprit: 'site',
  rule: 'site-origin',
  vendor: null,
  colo: null,
  start: T0 + i,
  end: T0 + i + 1,
  evidence: [],
  ...over,
});

describe('incident log', () => {
  it('opens an entry with the strongest three evidence items, and updates it while the host is still failing', () => {
    const log = recordIncident([], 'chatgpt.com', verdict({ rule: 'cdn-edge-page', culprit: 'cdn' }), T0);
    expect(log).toEqual([
      expect.objectContaining({ host: 'chatgpt.com', rule: 'cdn-edge-page', start: T0, end: null }),
    ]);
    expect(log[0]!.evidence.map((m) => m.key)).toEqual(['ev_correlated', 'ev_pageKind', 'ev_controlFailed']);
    const later = recordIncident(log, 'chatgpt.com', verdict(), T0 + 60_000);
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ rule: 'cdn-correlated', start: T0 });
  });

  it('closes the open entry when the host is back; the next failure opens a new one', () => {
    const log = recordIncident([], 'chatgpt.com', verdict(), T0);
    const closed = closeIncident(log, 'chatgpt.com', T0 + 3 * 3600_000);
    expect(closed.changed).toBe(true);
    expect(closed.entries[0]!.end).toBe(T0 + 3 * 3600_000);
    expect(closeIncident(closed.entries, 'chatgpt.com', T0 + 4 * 3600_000).changed).toBe(false);
    expect(recordIncident(closed.entries, 'chatgpt.com', verdict(), T0 + 5 * 3600_000)).toHaveLength(2);
  });

  it('keeps at most 500 entries, dropping the oldest', () => {
    const many = Array.from({ length: MAX_ENTRIES }, (_, i) => entry(i));
    const next = recordIncident(many, 'new.example', verdict(), T0 + 10_000);
    expect(next).toHaveLength(MAX_ENTRIES);
    expect(next[0]!.id).toBe('e1');
    expect(next.at(-1)!.host).toBe('new.example');
  });

  it('drops entries whose last activity is older than 30 days; an open old one counts from its start', () => {
    const kept = prune(
      [
        entry(1, { end: T0 }),
        entry(2, { start: T0 - RETENTION_MS - 5, end: null }),
        entry(3, { start: T0 - RETENTION_MS - 5, end: T0 - 10 }),
      ],
      T0 + RETENTION_MS,
    );
    expect(kept.map((e) => e.id)).toEqual(['e1']);
  });

  it('a normal page, a routine bot check and an unconfirmed page are not incidents', () => {
    expect(isIncident(verdict())).toBe(true);
    expect(isIncident(verdict({ culprit: 'none', rule: 'none' }))).toBe(false);
    expect(isIncident(verdict({ culprit: 'blocked', rule: 'challenge' }))).toBe(false);
    expect(isIncident(verdict({ culprit: 'unknown', rule: 'unconfirmed' }))).toBe(false);
    expect(isIncident(verdict({ culprit: 'blocked', rule: 'blocked' }))).toBe(true);
  });
});

describe('incident log, one site however many host names its owner mints', () => {
  /** The person's own earlier entry, then `hosts` failing in turn, `stepMs` apart. */
  function flood(hosts: readonly string[], stepMs = 1000) {
    let log = recordIncident([], 'mybank.example', verdict(), T0);
    log = closeIncident(log, 'mybank.example', T0 + 1000).entries;
    hosts.forEach((host, i) => {
      log = recordIncident(log, host, verdict(), T0 + 2000 + i * stepMs);
    });
    return log;
  }
  const subdomains = (n: number, depth = 1) =>
    Array.from({ length: n }, (_, i) => `${Array(depth).fill(`s${i}`).join('.')}.evil.example`);

  it.each([
    ['30 subdomains', subdomains(30)],
    ['3000 subdomains', subdomains(3000)],
    ['deep subdomains', subdomains(30, 4)],
    ['mixed case and a trailing dot', subdomains(30).map((h, i) => (i % 2 ? `${h.toUpperCase()}.` : h))],
    ['the site itself among them', ['evil.example', ...subdomains(29)]],
  ])('%s: one entry that counts them, and the earlier entry survives', (_, hosts) => {
    const log = flood(hosts);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ host: 'mybank.example', end: T0 + 1000 });
    expect(entryName(log[1]!)).toBe('evil.example');
    expect(hostCountOf(log[1]!)).toBe(new Set(hosts).size);
    expect(log[1]!.family?.hosts).toHaveLength(Math.min(HOSTS_KEPT, hosts.length));
  });

  it('whatever the order, the same entry and count', () => {
    const hosts = subdomains(40);
    const forward = flood(hosts).at(-1)!;
    const backward = flood([...hosts].reverse()).at(-1)!;
    expect([entryName(forward), hostCountOf(forward)]).toEqual([entryName(backward), hostCountOf(backward)]);
  });

  it('a host failing again is the same episode: counted once', () => {
    const log = flood(['a.evil.example', 'b.evil.example', 'a.evil.example', 'A.evil.example']);
    expect(hostCountOf(log[1]!)).toBe(2);
  });

  it('hosts that each recover before the next fails still make one entry, within the window', () => {
    let log: HistoryEntry[] = [];
    for (let i = 0; i < 50; i++) {
      const host = `s${i}.evil.example`;
      log = recordIncident(log, host, verdict(), T0 + i * 60_000);
      log = closeIncident(log, host, T0 + i * 60_000 + 1000).entries;
    }
    expect(log).toHaveLength(1);
    expect(hostCountOf(log[0]!)).toBe(50);
  });

  it('a failure of the site long after its entry ended opens a new entry; other sites never join it', () => {
    const log = flood(['a.evil.example']);
    const closed = closeIncident(log, 'a.evil.example', T0 + 5000).entries;
    expect(recordIncident(closed, 'b.evil.example', verdict(), T0 + 5000 + FAMILY_WINDOW_MS)).toHaveLength(3);
    expect(recordIncident(log, 'evil2.example', verdict(), T0 + 6000)).toHaveLength(3);
  });

  it('any host of an open family entry seen working closes it', () => {
    const log = flood(['a.evil.example', 'b.evil.example']);
    const closed = closeIncident(log, 'b.evil.example', T0 + 9000);
    expect(closed.changed).toBe(true);
    expect(closed.entries[1]!.end).toBe(T0 + 9000);
  });

  it('exports name the site and count the hosts; the text filter finds a host it covers', () => {
    const log = flood(subdomains(30));
    const describeMsg = (m: { key: string }) => m.key;
    expect(toCsv(log, describeMsg).split('\r\n')[2]).toMatch(/^"evil\.example",.*,"30"$/);
    expect(JSON.parse(toJson(log, describeMsg))[1]).toMatchObject({ host: 'evil.example', hosts: 30 });
    expect(filterEntries(log, 's29.evil', '')).toEqual([log[1]]);
  });
});

describe('export', () => {
  const describeMsg = (m: { key: string }) => `<${m.key}>`;

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+cmd', `"'+cmd"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['say "hi", ok', '"say ""hi"", ok"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain.example', '"plain.example"'],
  ])('csvField(%j) = %s', (value, expected) => expect(csvField(value)).toBe(expected));

  it('CSV: a header row, one quoted row per entry, CRLF, hostile text neutralised', () => {
    const hostile = entry(1, {
      host: '=HYPERLINK("http://evil")',
      vendor: 'cloudflare',
      colo: 'ICN',
      evidence: [
        { key: 'ev_a', params: {} },
        { key: 'ev_b', params: {} },
      ],
    });
    const csv = toCsv([hostile, entry(2, { end: null })], describeMsg);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('host,culprit,rule,vendor,colo,start,end,evidence,hosts');
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil"")","site","site-origin","cloudflare","ICN","${new Date(T0 + 1).toISOString()}","${new Date(T0 + 2).toISOString()}","<ev_a>; <ev_b>","1"`,
    );
    expect(lines[2]).toMatch(/^"h2\.example",.*,"","","1"$/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('JSON: ISO times, evidence in words, parses back', () => {
    const parsed = JSON.parse(toJson([entry(1, { end: null, evidence: [{ key: 'ev_a', params: {} }] })], describeMsg));
    expect(parsed).toEqual([
      {
        host: 'h1.example',
        culprit: 'site',
        rule: 'site-origin',
        vendor: null,
        colo: null,
        start: new Date(T0 + 1).toISOString(),
        end: null,
        evidence: ['<ev_a>'],
        hosts: 1,
      },
    ]);
  });

  it('filters by text (host, vendor, colo, rule) and by culprit', () => {
    const list = [
      entry(1, { vendor: 'cloudflare', colo: 'ICN', culprit: 'cdn' }),
      entry(2),
      entry(3, { host: 'shop.ICN.example' }),
    ];
    expect(filterEntries(list, 'icn', '').map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(filterEntries(list, 'icn', 'cdn').map((e) => e.id)).toEqual(['e1']);
    expect(filterEntries(list, '  ', '').map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });
});
