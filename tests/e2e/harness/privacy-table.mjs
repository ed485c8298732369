// PRIVACY.md's table of requests, read as data: each row names a request kind, the hosts and paths it goes to, and
// the browser suite that records it. The suites check what the fakes received from the extension against it, so the
// promise and the traffic cannot drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { getDomain } from 'tldts';
import { ROOT } from './browsers.mjs';
import { VENDORS } from '../../../src/core/detect/types.ts';
import { DEFAULT_PROBE_CONFIG } from '../../../src/core/diagnose/probe-config.ts';
import { statusSourcesFor } from '../../../src/core/status/vendors.ts';

/** @typedef {{ request: string, hosts: string[], paths: string[], suite: string }} PrivacyRow */
/**
 * What the placeholders stand for in one suite: the pages its tabs loaded (`host/path`, as the fakes count them) and
 * the report servers it runs.
 * @typedef {{ pages: Iterable<string>, reportServers?: string[] }} SuiteWorld
 */

/** The `code` spans of a table cell. @param {string} cell */
const codeSpans = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => /** @type {string} */ (m[1]));

/** @returns {PrivacyRow[]} the rows of the table whose header starts with `| Request |` */
function readPrivacyTable(file = path.join(ROOT, 'PRIVACY.md')) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  // Biome pads the table's columns, so the header cell may carry spaces.
  const start = lines.findIndex((l) => /^\|\s*Request\s*\|/.test(l));
  if (start < 0) throw new Error(`${file}: no table starting with "| Request |"`);
  /** @param {string} line */
  const cells = (line) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const header = cells(/** @type {string} */ (lines[start]));
  const column = (/** @type {string} */ name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${file}: the request table has no "${name}" column`);
    return at;
  };
  const [request, host, pathAt, suite] = ['Request', 'Host', 'Path', 'Recorded in'].map(column);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const c = cells(line);
    rows.push({
      request: c[/** @type {number} */ (request)] ?? '',
      hosts: codeSpans(c[/** @type {number} */ (host)] ?? ''),
      paths: codeSpans(c[/** @type {number} */ (pathAt)] ?? ''),
      suite: c[/** @type {number} */ (suite)] ?? '',
    });
  }
  return rows;
}

/** Host and path pairs of the extension's own config. @param {string[]} urls */
const pairsOf = (urls) => urls.map((u) => ({ host: new URL(u).hostname, path: new URL(u).pathname }));

const CDN_STATUS = pairsOf(
  VENDORS.flatMap((v) => statusSourcesFor(v)).flatMap((s) => (s.kind === 'http' ? [s.url] : [])),
);
const CONTROL = pairsOf(Object.values(DEFAULT_PROBE_CONFIG.controlUrls));

/** `host/path` as the fakes count requests. @param {string} key */
const splitKey = (key) => {
  const slash = key.indexOf('/');
  return { key, host: key.slice(0, slash), path: key.slice(slash) };
};

/** @param {string} pattern @param {string} value a literal, or a prefix ending in `*` */
const fits = (pattern, value) => (pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern);

/**
 * Whether one request (host and path) is of the row's kind, with the placeholders resolved for the suite's world.
 * @param {PrivacyRow} row @param {string} host @param {string} pathname @param {SuiteWorld} world
 */
function rowMatches(row, host, pathname, world) {
  const pages = [...world.pages].map(splitKey);
  const hostFits = (/** @type {string} */ pattern) => {
    if (pattern === '<site>') return pages.some((p) => p.host === host);
    if (pattern === '<site status page>')
      return pages.some((p) => host === `status.${getDomain(p.host, { allowPrivateDomains: true }) ?? p.host}`);
    if (pattern === '<CDN status page>') return CDN_STATUS.some((s) => s.host === host);
    if (pattern === '<control host>') return CONTROL.some((s) => s.host === host);
    if (pattern === '<report server>') return (world.reportServers ?? []).includes(host);
    return pattern === host;
  };
  const pathFits = (/** @type {string} */ pattern) => {
    if (pattern === '<page path>') return pages.some((p) => p.host === host && p.path === pathname);
    if (pattern === '<its status file>') return CDN_STATUS.some((s) => s.host === host && s.path === pathname);
    if (pattern === '<its fixed address>') return CONTROL.some((s) => s.host === host && s.path === pathname);
    return fits(pattern, pathname);
  };
  return row.hosts.some(hostFits) && row.paths.some(pathFits);
}

/**
 * Checks what the fakes received from the extension (`host/path` keys) against the table: the requests no row
 * allows, and the rows this suite must record that nothing matched.
 * @param {Iterable<string>} recorded @param {string} suite @param {SuiteWorld} world
 */
export function compareWithPrivacyTable(recorded, suite, world) {
  const rows = readPrivacyTable();
  const requests = [...recorded].map(splitKey);
  const loaded = { ...world, pages: [...world.pages] }; // an iterator would be used up by the first row
  const unlisted = requests
    .filter((r) => !rows.some((row) => rowMatches(row, r.host, r.path, loaded)))
    .map((r) => r.key);
  const unrecorded = rows
    .filter((row) => row.suite === suite)
    .filter((row) => !requests.some((r) => rowMatches(row, r.host, r.path, loaded)))
    .map((row) => row.request);
  return { unlisted, unrecorded };
}
