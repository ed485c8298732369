// What the fake www.cloudflarestatus.com serves, per scenario. Shaped like the real Statuspage v2 summary (and like
// tests/support/status/statuspage-payloads.ts, written independently so a parser change cannot silently reshape
// the fake): a "Cloudflare Sites and Services" group of service components, region groups of data centres named
// `City, Country - (IATA)`, and incidents whose updates list the components they affect.

const STAMP = '2026-11-22T00:30:00.000Z';
const SERVICES = 'svc0grp00001';
const REGIONS = { asia: 'asia0grp0001', europe: 'euro0grp0001', america: 'namr0grp0001' };

/**
 * id, name, group: every colo the scenario table uses, so a colo missing from the page is never the reason.
 * @type {[id: string, name: string, region: string][]}
 */
const DATA_CENTRES = [
  ['icn1', 'Seoul, South Korea - (ICN)', 'asia'],
  ['nrt1', 'Tokyo, Japan - (NRT)', 'asia'],
  ['sin1', 'Singapore, Singapore - (SIN)', 'asia'],
  ['fra1', 'Frankfurt, Germany - (FRA)', 'europe'],
  ['ams1', 'Amsterdam, Netherlands - (AMS)', 'europe'],
  ['cdg1', 'Paris, France - (CDG)', 'europe'],
  ['lax1', 'Los Angeles, CA, United States - (LAX)', 'america'],
];

/** @type {[id: string, name: string][]} */
const SERVICE_COMPONENTS = [
  ['cdn1', 'CDN/Cache'],
  ['chl1', 'Challenge Platform'],
  ['tur1', 'Turnstile'],
  ['bot1', 'Bot Management'],
  ['waf1', 'WAF'],
];

/** The Seoul data centre offline, with the open incident Cloudflare would post for it. */
const ICN_INCIDENT_TITLE = 'Seoul, South Korea (ICN) data centre unavailable';

/** @typedef {'operational' | 'colo-incident' | 'challenge-outage'} StatusPage */

/**
 * The summary for one kind of day. `colo-incident`: ICN `major_outage` ("Offline") and an investigating incident
 * naming it; `challenge-outage`: Turnstile and Challenge Platform in `major_outage`, everything else fine.
 * @param {StatusPage} kind
 */
export function statusSummary(kind) {
  const down = new Set(kind === 'colo-incident' ? ['icn1'] : kind === 'challenge-outage' ? ['chl1', 'tur1'] : []);
  /** @param {string} id */
  const state = (id) => (down.has(id) ? 'major_outage' : 'operational');
  /** @param {string} id @param {string} name @param {string} groupId */
  const component = (id, name, groupId) => ({
    id,
    name,
    status: state(id),
    group_id: groupId,
    group: false,
    created_at: STAMP,
    updated_at: STAMP,
  });
  /** @param {string} id @param {string} name @param {[id: string, ...rest: string[]][]} children */
  const group = (id, name, children) => ({
    id,
    name,
    group: true,
    group_id: null,
    components: children.map(([cid]) => cid),
    status: children.some(([cid]) => down.has(cid)) ? 'major_outage' : 'operational',
  });
  /** @type {Record<string, string>} */
  const regionNames = { asia: 'Asia', europe: 'Europe', america: 'North America' };
  const components = [
    group(SERVICES, 'Cloudflare Sites and Services', SERVICE_COMPONENTS),
    ...SERVICE_COMPONENTS.map(([id, name]) => component(id, name, SERVICES)),
    ...Object.entries(REGIONS).flatMap(([region, gid]) => {
      const members = DATA_CENTRES.filter((d) => d[2] === region);
      return [
        group(gid, regionNames[region] ?? region, members),
        ...members.map(([id, name]) => component(id, name, gid)),
      ];
    }),
  ];
  const calm = down.size === 0;
  return {
    page: {
      id: 'yh6f0r4529hb',
      name: 'Cloudflare',
      url: 'https://www.cloudflarestatus.com',
      time_zone: 'Etc/UTC',
      updated_at: STAMP,
    },
    status: calm
      ? { indicator: 'none', description: 'All Systems Operational' }
      : { indicator: 'major', description: 'Partial System Outage' },
    components,
    incidents: kind === 'colo-incident' ? [icnIncident()] : [],
    scheduled_maintenances: [],
  };
}

function icnIncident() {
  const icn = {
    code: 'icn1',
    name: 'Asia - Seoul, South Korea - (ICN)',
    old_status: 'operational',
    new_status: 'major_outage',
  };
  return {
    id: 'inc0icn00001',
    name: ICN_INCIDENT_TITLE,
    status: 'investigating',
    impact: 'major',
    shortlink: 'https://stspg.io/inc0icn00001',
    created_at: STAMP,
    started_at: STAMP,
    updated_at: STAMP,
    components: [{ id: 'icn1', name: 'Seoul, South Korea - (ICN)', status: 'major_outage' }],
    incident_updates: [
      {
        id: 'inc0icn00001-u1',
        status: 'investigating',
        body: 'Cloudflare is investigating issues with network performance in Seoul, South Korea (ICN).',
        affected_components: [icn],
      },
    ],
  };
}

export { ICN_INCIDENT_TITLE };
