/**
 * Every visible string comes from _locales, in both languages. These checks read the sources as text, so a key used
 * in code but missing from a locale, or a UI string typed straight into JSX, fails here rather than in front of a person.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISION_TABLE } from '../../src/core/diagnose/decision-table.ts';
import { SOURCE_NAMES } from '../../src/core/diagnose/types.ts';

const root = join(import.meta.dirname, '..', '..');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
const en = load('en');
const ko = load('ko');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const uiSources = ['background', 'content', 'popup', 'options', 'history', 'shared']
  .map((d) => join(root, 'src', d))
  .filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  })
  .flatMap(sourceFiles);

/** Named `{param}` substitutions; both locales must use the same set. */
const placeholdersOf = (entry: { message: string }) =>
  [...new Set([...entry.message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('locales', () => {
  /** Plural variants (`key_one`, `key_few` …) exist only where a language has that form; Korean has none. */
  const PLURAL = /_(zero|one|two|few|many)$/;
  const baseKeys = (messages: Record<string, unknown>) =>
    Object.keys(messages)
      .filter((k) => !PLURAL.test(k))
      .sort();

  it('en and ko have the same keys, apart from plural variants', () => {
    expect(baseKeys(ko)).toEqual(baseKeys(en));
  });

  it('every plural variant has its base message and the same parameters', () => {
    for (const messages of [en, ko]) {
      for (const key of Object.keys(messages).filter((k) => PLURAL.test(k))) {
        const base = messages[key.replace(PLURAL, '')];
        expect(base, key).toBeDefined();
        expect(placeholdersOf(messages[key]!), key).toEqual(placeholdersOf(base!));
      }
    }
  });

  it('no message is empty, and both locales use the same placeholders', () => {
    for (const key of baseKeys(en)) {
      expect(en[key]?.message.trim(), key).not.toBe('');
      expect(ko[key]?.message.trim(), key).not.toBe('');
      expect(placeholdersOf(ko[key]!), key).toEqual(placeholdersOf(en[key]!));
    }
  });

  it('every literal key passed to t() and every __MSG_ in the manifest exists', () => {
    const used = new Set<string>();
    for (const file of uiSources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_-]+)'/g))
        used.add(m[1]!.replace(/-/g, '_'));
    }
    for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });

  it('keys built from a prefix (headline_, title_, network_) all exist for every state', () => {
    const keys = Object.keys(en);
    const tabKinds = [
      'none',
      'originError',
      'edgeError',
      'siteConfig',
      'blocked',
      'challenge',
      'challengeFailed',
      'networkError',
    ];
    for (const kind of tabKinds) expect(keys).toContain(`headline_${kind}`);
    for (const kind of tabKinds) expect(keys).toContain(`title_${kind}`);
    for (const c of ['dns', 'refused', 'timeout', 'tls', 'offline', 'reset', 'other'])
      expect(keys).toContain(`network_${c}`);
  });

  it('no UI string is typed straight into JSX', () => {
    const offenders: string[] = [];
    for (const file of uiSources.filter((f) => f.endsWith('.tsx'))) {
      // Text that follows a complete JSX tag (`<div ...>` or `</div>`) and holds letters outside any {expression}.
      for (const m of readFileSync(file, 'utf8').matchAll(
        /<\/?[a-zA-Z][\w.]*(?:\s[^<>]*)?>([^<>{}]*\p{L}[^<>{}]*)</gu,
      )) {
        const text = m[1]!.trim();
        if (text && !/^[=&|?:;),]/.test(text) && !/=>/.test(text)) offenders.push(`${file}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every verdict, explanation, advice, evidence and source key the engine can produce exists', () => {
    const keys = new Set(Object.keys(en));
    const needed = DECISION_TABLE.flatMap((row) => [
      `verdict_${row.key}`,
      `explain_${row.key}`,
      ...(row.keyUnnamed ? [`explain_${row.keyUnnamed}`] : []),
      ...row.advice,
    ]);
    needed.push(
      'verdict_unknown',
      'explain_unknown',
      ...SOURCE_NAMES.map((name) => `source_${name.replace(/-/g, '_')}`),
    );
    const evidenceSource = readFileSync(join(root, 'src', 'core', 'diagnose', 'evidence.ts'), 'utf8');
    for (const m of evidenceSource.matchAll(/'(ev_\w+)'/g)) needed.push(m[1]!);
    for (const origin of ['ok', 'cdn_error', 'origin_error', 'unreachable']) needed.push(`ev_origin_${origin}`);
    for (const ack of ['yes', 'no', 'unreachable']) needed.push(`ack_${ack}`);
    expect(needed.filter((key) => !keys.has(key))).toEqual([]);
  });
});
