/** The replay's printed figures, one block per scenario; docs/server.md quotes them. */
import type { ScenarioSummary } from './summary.ts';

const at = (minutes: number | null) => (minutes === null ? 'never' : `+${minutes} min`);

export function formatSummary(summary: ScenarioSummary, population: string): string {
  const lines = [
    `== ${summary.name} ==`,
    `${population}; ${summary.failedLoads} failed page loads, ${summary.reportsCounted} reports counted`,
  ];
  if (summary.vendor) {
    lines.push(`cloudflare (vendor): elevated ${at(summary.vendor.elevated)}, outage ${at(summary.vendor.outage)}`);
    const colos = summary.colos.map((c) => `${c.colo} elevated ${at(c.elevated)}, outage ${at(c.outage)}`);
    lines.push(`colos: ${colos.length > 0 ? colos.join('; ') : 'none published above normal'}`);
    const fresh = Object.entries(summary.freshCdnVerdict).map(([region, minutes]) => `${region} ${at(minutes)}`);
    lines.push(`fresh install's failed page gets a cdn verdict on radar evidence: ${fresh.join(', ') || 'never'}`);
  }
  const f = summary.falseStates;
  const scope = summary.vendor ? 'before onset' : 'over the week';
  lines.push(
    `false states ${scope}: vendor elevated ${f.vendorElevated}, outage ${f.vendorOutage}; ` +
      `colo elevated ${f.coloElevated}, outage ${f.coloOutage} (${f.minutes} minutes above normal)`,
  );
  if (summary.siteCdnMax !== null)
    lines.push(`big site's origin down for an hour: its CDN reached ${summary.siteCdnMax}`);
  for (const target of summary.targets) lines.push(`target ${target.met ? 'met   ' : 'MISSED'} ${target.name}`);
  return lines.join('\n');
}
