/**
 * `decide(facts, now)`: the verdict for a set of facts. Pure and total: any facts give a verdict, and a source that
 * failed only lowers what can be claimed, it never reads as "all clear".
 *
 * @example
 * const verdict = decide(facts, Date.now());
 * verdict.culprit; // 'cdn'
 * verdict.rule;    // 'cdn-correlated'
 */
import { collectEvidence } from './evidence.ts';
import { findRow } from './decision-table.ts';
import type { Facts, IncidentRef, Verdict } from './types.ts';

/** Each failed remote source costs a little confidence: the verdict stands on fewer legs. */
const FAILED_SOURCE_PENALTY = 0.03;

export function decide(facts: Facts, now: number): Verdict {
  const row = findRow(facts);
  const base = typeof row.confidence === 'function' ? row.confidence(facts) : row.confidence;
  const failed = Object.values(facts.sources).filter((s) => s.state === 'failed' || s.state === 'timeout').length;
  const confidence = Math.max(0.1, Math.min(0.99, base - failed * FAILED_SOURCE_PENALTY));
  const vendor = facts.page.vendor;
  const colo = facts.page.colo ?? facts.probes.trace?.colo ?? null;
  // With no CDN in front, the platform stands where the texts name who works ("Heroku works, but this site …").
  const platform = facts.page.platform ?? '';
  const params = { host: facts.host, vendor: vendor ?? platform, colo: colo ?? '', ...(platform && { platform }) };
  // An explanation naming who works ("Cloudflare works, but …") names the site instead when no one else is known.
  const explanationKey = !vendor && !platform && row.keyUnnamed ? row.keyUnnamed : row.key;
  const incident: IncidentRef | null = facts.vendorStatus?.coloIncident ?? facts.vendorStatus?.serviceIncident ?? null;

  return {
    culprit: row.culprit,
    vendor,
    colo,
    component: facts.vendorStatus?.coloComponent ?? facts.vendorStatus?.explainingComponent ?? null,
    confidence: Math.round(confidence * 100) / 100,
    rule: row.id,
    headline: { key: `verdict_${row.key}`, params },
    explanation: { key: `explain_${explanationKey}`, params },
    evidence: collectEvidence(facts, now),
    advice: row.advice.map((key) => ({ key, params })),
    sources: facts.sources,
    acknowledged: row.acknowledged?.(facts) ?? 'not-applicable',
    incident: row.culprit === 'cdn' ? incident : null,
    radar: facts.radar,
    decidedAt: now,
  };
}
