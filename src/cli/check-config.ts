/**
 * Optional configuration for `check`: where the vendor status pages, control hosts, connectivity checks and DoH
 * providers live. Defaults are the real hosts; a JSON file (--config FILE or CULPRIT_CONFIG) overrides any of them.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { DEFAULT_PROBE_CONFIG, type ProbeConfig } from '../core/diagnose/probe-config.ts';
import { VENDORS } from '../core/detect/types.ts';
import { describeIssues } from '../core/validation-issues.ts';

const Url = v.pipe(v.string(), v.url());

const ConfigSchema = v.strictObject({
  statusBaseUrls: v.optional(v.record(v.string(), Url)),
  connectivityUrls: v.optional(v.array(Url)),
  controlUrls: v.optional(v.record(v.picklist(VENDORS), Url)),
  dohUrls: v.optional(v.array(Url)),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(10_000))),
});

export interface CheckConfig {
  probes: ProbeConfig;
  statusBaseUrls: Record<string, string>;
}

export function loadCheckConfig(path: string | undefined): CheckConfig {
  if (!path) return { probes: DEFAULT_PROBE_CONFIG, statusBaseUrls: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = v.safeParse(ConfigSchema, raw);
  if (!parsed.success) throw new Error(`invalid config ${path}: ${describeIssues(parsed.issues, Infinity)}`);
  const c = parsed.output;
  return {
    statusBaseUrls: c.statusBaseUrls ?? {},
    probes: {
      connectivityUrls: c.connectivityUrls ?? DEFAULT_PROBE_CONFIG.connectivityUrls,
      controlUrls: { ...DEFAULT_PROBE_CONFIG.controlUrls, ...c.controlUrls },
      dohUrls: c.dohUrls ?? DEFAULT_PROBE_CONFIG.dohUrls,
      timeoutMs: c.timeoutMs ?? DEFAULT_PROBE_CONFIG.timeoutMs,
    },
  };
}
