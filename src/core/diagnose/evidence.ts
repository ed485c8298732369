/**
 * Turns facts into the evidence list a person reads: what each source observed, and how much it weighed. The list is
 * built from the facts alone, whatever row decided, so evidence against the verdict is shown too.
 */
import type { Platform } from '../detect/types.ts';
import type { EvidenceItem, Facts, Message, PageFacts } from './types.ts';
import { CORRELATION_THRESHOLD, isDown } from './predicates.ts';

const msg = (key: string, params: Message['params'] = {}): Message => ({ key, params });
/** 12× and 2.5×, not 12.3125× nor 0× for 0.4. */
const roundRatio = (ratio: number) => (ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10);

/** How each platform stands to the site, which decides how its error page is worded. */
const PLATFORM_ROLES: Record<Platform, 'server' | 'proxy' | 'host'> = {
  nginx: 'server',
  openresty: 'server',
  tengine: 'server',
  apache: 'server',
  tomcat: 'server',
  iis: 'server',
  aspnet: 'server',
  varnish: 'server',
  envoy: 'proxy',
  haproxy: 'proxy',
  'aws-elb': 'proxy',
  'aws-api-gateway': 'proxy',
  heroku: 'host',
  'github-pages': 'host',
  render: 'host',
  fly: 'host',
  'google-app-engine': 'host',
  'azure-app-service': 'host',
};
const PLATFORM_KEYS = { server: 'ev_platformServer', proxy: 'ev_platformProxy', host: 'ev_platformHost' } as const;

/**
 * What the page itself showed. With no CDN in front, a server error names the software or host that answered
 * ("Heroku's router says the site's app crashed"), and any other page is the site's own, never "a  page".
 */
function pageObservation(page: PageFacts): Message {
  const params = { kind: page.kind, vendor: page.vendor ?? '', code: page.code ?? '' };
  if (page.unconfirmed) return msg('ev_pageUnconfirmed', params);
  if (page.vendor !== null) return msg('ev_pageKind', params);
  if (page.kind === 'origin-error' && page.platform) {
    return msg(PLATFORM_KEYS[PLATFORM_ROLES[page.platform]], { platform: page.platform, code: params.code });
  }
  return msg('ev_pageOwn', { kind: page.kind, code: params.code });
}

export function collectEvidence(f: Facts, now: number): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const add = (source: EvidenceItem['source'], observed: Message, weight: number) =>
    items.push({ source, observed, at: now, weight });
  const vendor = f.page.vendor ?? '';

  if (f.page.kind === 'network-error') add('page', msg('ev_pageNetwork', { category: f.page.network ?? 'other' }), 0.6);
  else if (f.page.kind !== 'none') add('page', pageObservation(f.page), f.page.unconfirmed ? 0.2 : 0.7);

  const s = f.vendorStatus;
  if (s?.coloIncident)
    add('vendor-status', msg('ev_statusColoIncident', { title: s.coloIncident.title, colo: f.page.colo ?? '' }), 0.9);
  else if (s?.coloComponent)
    add(
      'vendor-status',
      msg('ev_statusColo', { component: s.coloComponent, state: s.coloState ?? 'unknown' }),
      s.coloState === 'major' ? 0.9 : 0.3,
    );
  if (s?.serviceIncident)
    add('vendor-status', msg('ev_statusServiceIncident', { title: s.serviceIncident.title }), 0.8);
  else if (s?.explainingComponent)
    add(
      'vendor-status',
      msg('ev_statusService', { component: s.explainingComponent, state: s.explainingState ?? 'unknown' }),
      isDown(s.explainingState) ? 0.8 : 0.4,
    );
  const statusState = f.sources['vendor-status']?.state;
  if (!s && (statusState === 'failed' || statusState === 'timeout'))
    add('vendor-status', msg('ev_statusUnreachable', { vendor }), 0.3);

  const site = f.siteStatus;
  if (site?.incident)
    add('site-status', msg('ev_siteStatusIncident', { host: f.host, title: site.incident.title }), 0.8);
  else if (site)
    add(
      'site-status',
      msg(site.indicator === 'none' ? 'ev_siteStatusOk' : 'ev_siteStatusTrouble', { host: f.host }),
      site.indicator === 'none' ? 0.2 : 0.6,
    );

  const origin = f.probes.origin;
  if (origin) add('origin-probe', msg(`ev_origin_${origin.replace('-', '_')}`), origin === 'ok' ? 0.5 : 0.4);
  if (f.probes.trace) add('trace-probe', msg('ev_traceOk', { colo: f.probes.trace.colo ?? '' }), 0.5);
  else if (f.sources['trace-probe'] && f.sources['trace-probe'].state !== 'skipped')
    add('trace-probe', msg('ev_traceFailed'), 0.4);
  if (f.probes.control !== null)
    add('control-probe', msg(f.probes.control ? 'ev_controlOk' : 'ev_controlFailed', { vendor }), 0.4);
  const { ok, failed } = f.probes.connectivity;
  if (ok + failed > 0) add('connectivity', msg('ev_connectivity', { ok, total: ok + failed }), ok === 0 ? 0.8 : 0.5);
  if (f.probes.doh)
    add('doh', msg(f.probes.doh === 'resolves' ? 'ev_dohResolves' : 'ev_dohNxdomain', { host: f.host }), 0.7);

  if (f.correlation.hosts > 1) {
    add(
      'correlation',
      msg('ev_correlated', { count: f.correlation.hosts - 1, vendor }),
      f.correlation.hosts >= CORRELATION_THRESHOLD ? 0.8 : 0.3,
    );
  }
  if (f.peers) {
    const { count15: count, ratio } = f.peers;
    // No usual level (a site nobody reported in the past week) has no ratio to show, rather than a made-up one.
    const observed =
      ratio === null ? msg('ev_peersNoRatio', { count }) : msg('ev_peers', { count, ratio: roundRatio(ratio) });
    add('peers', observed, f.peers.state === 'outage' ? 0.7 : 0.3);
  }

  const radar = f.radar;
  if (radar) {
    const colos = radar.colos.length > 3 ? `${radar.colos.slice(0, 3).join(', ')}, …` : radar.colos.join(', ');
    const named = radar.state === 'outage' || radar.coloState === 'outage';
    if (named) add('radar', msg('ev_radarOutage', { count: radar.sites15, vendor, colos }), 0.85);
    else if (radar.state === 'elevated' || radar.coloState === 'elevated')
      add('radar', msg('ev_radarElevated', { count: radar.sites15, vendor }), 0.4);
    else add('radar', msg('ev_radarNormal', { vendor }), 0.2);
  }
  return items;
}
