/**
 * The CDN radar as the diagnosis' `radar` source. It asks the person's peer servers about the failing page's CDN by
 * name only, so it may run while peer reports are off: it tells a server no more than that someone's page on that CDN
 * failed, which the vendor's own status page is told by the status fetch anyway. It never asks the built-in
 * placeholder, which is not a live service (shared/settings.ts), and it is off when `cdnRadar` is.
 */
import { SourceSkipped } from '../core/diagnose/run-source.ts';
import type { RadarClient, RadarFacts } from '../core/radar/radar-client.ts';
import type { RadarVendor } from '../core/radar/radar-wire.ts';
import { PLACEHOLDER_PEER_ENDPOINT, type Settings } from '../shared/settings.ts';

export function createRadarSource(deps: { settings: () => Promise<Settings>; client: RadarClient }) {
  return async (vendor: RadarVendor, colo: string | null, signal: AbortSignal): Promise<RadarFacts> => {
    const settings = await deps.settings();
    if (!settings.cdnRadar) throw new SourceSkipped('the CDN radar is off');
    const endpoints = settings.peerEndpoints.filter((endpoint) => endpoint !== PLACEHOLDER_PEER_ENDPOINT);
    if (endpoints.length === 0) throw new SourceSkipped('no radar server is set');
    return deps.client.lookup(endpoints, vendor, colo, signal);
  };
}
