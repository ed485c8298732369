import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keys, tabKeys } from '../../src/shared/storage/keys.ts';

// src/shared/storage/keys.ts is the one place a storage key is named. Product code outside src/shared/storage/ gets
// only the typed handle, whose calls take items, never key strings: this fails on a storage area reached directly,
// and on a declared key or key prefix written out as a literal in a file that uses storage (elsewhere `tab:` may
// well be a rate-limit bucket). Tests are left out: they may seed raw rows on purpose, to show what a damaged or
// older row does.
const SRC = path.resolve(import.meta.dirname, '../../src');
const STORAGE_DIR = path.join(SRC, 'shared/storage');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
type Rule = [reason: string, pattern: RegExp];
const AREA_RULES: Rule[] = [
  ['a storage area reached directly', /\b(?:browser|chrome)\.storage\.(?!onChanged\b)/],
  ['a raw storage area', /\b(?:StorageArea|createStorage)\b/],
  ['a storage call with a literal key', /\b(?:local|session|sync|area)\.(?:get|set|remove)\(\s*['"`[{]/],
];
const KEY_RULES: Rule[] = [
  ...Object.values(keys).map(
    (item): Rule => [`the key "${item.key}"`, new RegExp(`(['"\`])${escapeRegExp(item.key)}\\1`)],
  ),
  ...Object.values(tabKeys).map(
    (family): Rule => [
      `a "${family.prefix}" key`,
      new RegExp(`['"\`]${escapeRegExp(family.prefix)}(?:\\d|\\$\\{|['"\`])`),
    ],
  ),
];
const USES_STORAGE = /from '[^']*\bstorage\/[a-z-]+\.ts'/;

/** @returns "line: reason" for each line that names storage the way only src/shared/storage may. */
function findings(source: string): string[] {
  const rules = USES_STORAGE.test(source) ? [...AREA_RULES, ...KEY_RULES] : AREA_RULES;
  return source
    .split('\n')
    .flatMap((line, index) =>
      rules.filter(([, pattern]) => pattern.test(line)).map(([reason]) => `${index + 1}: ${reason}`),
    );
}

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === STORAGE_DIR ? [] : productFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('storage keys are declared only in src/shared/storage/keys.ts', () => {
  it('no product file outside src/shared/storage names a key or touches an area itself', () => {
    const offending = productFiles(SRC).flatMap((file) =>
      findings(readFileSync(file, 'utf8')).map((finding) => `${path.relative(SRC, file)}:${finding}`),
    );
    expect(offending).toEqual([]);
  });

  it('catches each way a key could be named again', () => {
    const probe = [
      "import { keys } from '../shared/storage/keys.ts';",
      'const all = await browser.storage.session.get(null);',
      'export function createThing(area: StorageArea) {}',
      'await area.set({ x: 1 });',
      "const open = 'history:open';",
      `const key = \`verdict:\${tabId}\`;`,
      "keys.filter((k) => k.startsWith('diag:'));",
      'browser.storage.onChanged.addListener(listener);',
      `const notificationId = \`culprit:tab:\${tabId}\`;`,
    ].join('\n');
    expect(findings(probe)).toEqual([
      '2: a storage area reached directly',
      '3: a raw storage area',
      '4: a storage call with a literal key',
      '5: the key "history:open"',
      '6: a "verdict:" key',
      '7: a "diag:" key',
    ]);
    expect(findings(`limiter.take(\`tab:\${tabId}\`, now);\nconst list = 'watches';`)).toEqual([]);
  });
});
