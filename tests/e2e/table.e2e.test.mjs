// Checks of the scenario table itself, before any browser starts: a table that breaks its own rules would make the
// browser suites pass or fail for the wrong reason.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { getDomain } from 'tldts';
import { DECISION_TABLE } from '../../src/core/diagnose/decision-table.ts';
import { SOURCE_NAMES } from '../../src/core/diagnose/types.ts';
import { DEFAULT_WORLD } from './fakes/faults.mjs';
import { BLOCKER_EXTENSION } from './harness/browsers.mjs';
import { BLOCKED_SITE, SCENARIOS } from './scenarios/table.mjs';

/** @param {string} url */
const hostOf = (url) => new URL(url.replace('{{closedPort}}', '1')).hostname;
/** @param {string[]} list */
const duplicates = (list) => list.filter((x, i) => list.indexOf(x) !== i);
/** @type {readonly string[]} */
const SOURCES = SOURCE_NAMES;

it('every scenario and preload has its own registrable domain, and every scenario its own name', () => {
  const sites = SCENARIOS.flatMap((s) => [s.url, ...(s.preload ?? []).map((p) => p.url)]).map(
    (url) => getDomain(hostOf(url), { allowPrivateDomains: true }) ?? hostOf(url),
  );
  assert.deepEqual(duplicates(sites), []);
  assert.deepEqual(duplicates(SCENARIOS.map((s) => s.name)), []);
});

it('verdict expectations name real decision-table rows, sources and world settings', () => {
  const rows = new Set(DECISION_TABLE.map((r) => r.id));
  for (const s of SCENARIOS) {
    for (const key of Object.keys(s.world ?? {}))
      assert.ok(key in DEFAULT_WORLD, `${s.name}: unknown world setting ${key}`);
    if (!s.verdict) continue;
    assert.ok(rows.has(s.verdict.rule), `${s.name}: no decision-table row ${s.verdict.rule}`);
    for (const source of Object.keys(s.verdict.sources ?? {}))
      assert.ok(SOURCES.includes(source), `${s.name}: no source ${source}`);
  }
});

it('the test blocker refuses exactly the blocked site of the scenario table, and only its main frames', () => {
  const rules = JSON.parse(fs.readFileSync(path.join(BLOCKER_EXTENSION, 'rules.json'), 'utf8'));
  assert.deepEqual(
    rules.map((/** @type {{ action: unknown, condition: unknown }} */ r) => [r.action, r.condition]),
    [[{ type: 'block' }, { requestDomains: [BLOCKED_SITE], resourceTypes: ['main_frame'] }]],
  );
});
