/**
 * What the vendor's status page says during a replay, in the shape the diagnosis reads: every component operational
 * until the scenario's first post, then an open incident on the service that explains an edge error.
 */
import type { VendorStatusFacts } from '../../src/core/diagnose/types.ts';
import type { Scenario } from './scenarios.ts';

const OPERATIONAL: VendorStatusFacts = {
  coloState: 'operational',
  coloComponent: null,
  explainingState: 'operational',
  explainingComponent: 'CDN/Cache',
  coloIncident: null,
  serviceIncident: null,
};

const ADMITTED: VendorStatusFacts = {
  ...OPERATIONAL,
  explainingState: 'major',
  serviceIncident: { title: 'Cloudflare Global Network experiencing issues', url: null },
};

/**
 * The incident stays open while the outage still fails pages; other vendors' pages read all operational.
 * @example statusAt(scenario, 'cloudflare', Date.parse('2025-11-18T11:50:00Z')) // the open incident
 */
export function statusAt(scenario: Scenario, vendor: string, at: number): VendorStatusFacts {
  const { outage, statusPostAt } = scenario;
  const isOpen = outage?.vendor === vendor && statusPostAt !== null && at >= statusPostAt && outage.failingAt(at) > 0;
  return isOpen ? ADMITTED : OPERATIONAL;
}
