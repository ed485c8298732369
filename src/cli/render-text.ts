/** Renders a verdict's messages in English for the terminal, from the same _locales file the extension uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Message, Verdict } from '../core/diagnose/types.ts';
import { vendorName } from '../shared/vendor-names.ts';

const MESSAGES = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
) as Record<string, { message: string }>;

const ENGLISH_PLURAL = new Intl.PluralRules('en');

function t(key: string, params: Message['params'] = {}): string {
  const base = key.replace(/-/g, '_');
  const n = typeof params.count === 'number' ? params.count : typeof params.total === 'number' ? params.total : null;
  const variant = n === null ? null : MESSAGES[`${base}_${ENGLISH_PLURAL.select(n)}`];
  const message = variant?.message ?? MESSAGES[base]?.message ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Same parameter treatment as the extension's formatMessage: codes in words, vendors by brand name. */
export function render({ key, params }: Message): string {
  const shown: Message['params'] = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value === '') shown[name] = value;
    else if (name === 'kind') shown[name] = t(`kind_${value}`);
    else if (name === 'state') shown[name] = t(`state_${value}`);
    else if (name === 'category') shown[name] = t(`network_${value}`);
    else if (name === 'vendor') shown[name] = vendorName(value);
    else shown[name] = value;
  }
  return t(key, shown);
}

export function renderVerdictText(verdict: Verdict): string {
  const lines = [`${render(verdict.headline)}  (${Math.round(verdict.confidence * 100)}% sure, rule ${verdict.rule})`];
  if (verdict.culprit !== 'none') lines.push(render(verdict.explanation));
  if (verdict.acknowledged !== 'not-applicable')
    lines.push(render({ key: `ack_${verdict.acknowledged}`, params: { vendor: verdict.vendor ?? '' } }));
  if (verdict.incident)
    lines.push(`Incident: ${verdict.incident.title}${verdict.incident.url ? ` <${verdict.incident.url}>` : ''}`);
  lines.push('', 'Evidence:');
  for (const item of [...verdict.evidence].sort((a, b) => b.weight - a.weight))
    lines.push(`  - [${item.source}] ${render(item.observed)}`);
  lines.push('', 'Sources:');
  for (const [name, s] of Object.entries(verdict.sources)) {
    const ms = String(Math.round(s.ms)).padStart(5);
    lines.push(`  ${name.padEnd(14)} ${s.state.padEnd(8)} ${ms} ms${s.reason ? `  ${s.reason}` : ''}`);
  }
  if (verdict.advice.length > 0) lines.push('', 'What you can do:', ...verdict.advice.map((a) => `  → ${render(a)}`));
  return lines.join('\n');
}
