/**
 * Exports of the incident log as JSON and CSV. The CSV is opened in spreadsheets, and hosts, titles and evidence come
 * from pages we do not control, so every field is quoted and a leading `= + - @` (or tab/CR) is neutralised with an
 * apostrophe (OWASP "CSV injection").
 */
import type { Message } from '../diagnose/types.ts';
import { entryName, type HistoryEntry, hostCountOf, hostsOf } from './log.ts';

/** `host` is the entry's name as the page shows it (the registrable domain for several hosts), `hosts` their count. */
const COLUMNS = ['host', 'culprit', 'rule', 'vendor', 'colo', 'start', 'end', 'evidence', 'hosts'] as const;

/** @example csvField('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"' */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

/** @param describe renders an evidence message in the person's language. */
export function toCsv(entries: readonly HistoryEntry[], describe: (message: Message) => string): string {
  const rows = entries.map((e) =>
    [
      entryName(e),
      e.culprit,
      e.rule,
      e.vendor ?? '',
      e.colo ?? '',
      iso(e.start),
      iso(e.end),
      e.evidence.map(describe).join('; '),
      String(hostCountOf(e)),
    ]
      .map(csvField)
      .join(','),
  );
  // CRLF per RFC 4180, which is what spreadsheet importers expect.
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function toJson(entries: readonly HistoryEntry[], describe: (message: Message) => string): string {
  const rows = entries.map((e) => ({
    host: entryName(e),
    culprit: e.culprit,
    rule: e.rule,
    vendor: e.vendor,
    colo: e.colo,
    start: iso(e.start),
    end: e.end === null ? null : iso(e.end),
    evidence: e.evidence.map(describe),
    hosts: hostCountOf(e),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * Case-insensitive text match over the entry's name and the hosts it remembers, culprit, rule, vendor and colo; an
 * empty culprit filter matches all.
 */
export function filterEntries(entries: readonly HistoryEntry[], text: string, culprit: string): HistoryEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (culprit === '' || e.culprit === culprit) &&
      (needle === '' ||
        [entryName(e), ...hostsOf(e), e.culprit, e.rule, e.vendor ?? '', e.colo ?? ''].some((f) =>
          f.toLowerCase().includes(needle),
        )),
  );
}
