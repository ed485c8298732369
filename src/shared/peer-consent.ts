/**
 * Firefox's own consent for data collection (Firefox 140+, "data_collection_permissions"). Peer reports are declared
 * there as optional (vite.config.ts), so on Firefox turning them on also asks Firefox, and the background treats them
 * as off without that grant (e.g. a setting synced from Chrome). Chrome has no such permission: the setting decides.
 * A permissions call that fails counts as "not granted": when in doubt, nothing is sent.
 */
import { PEER_DATA_COLLECTION } from '../core/peer/data-collection.ts';
import { browser } from './browser.ts';

const data_collection = [...PEER_DATA_COLLECTION];

const isFirefox = import.meta.env.BROWSER === 'firefox';

/** Call straight from the click handler, before any await: Firefox only shows its prompt during a user action. */
export function requestPeerConsent(): Promise<boolean> {
  return isFirefox ? browser.permissions.request({ data_collection }).catch(() => false) : Promise.resolve(true);
}

export async function hasPeerConsent(): Promise<boolean> {
  return isFirefox ? browser.permissions.contains({ data_collection }).catch(() => false) : true;
}

export async function withdrawPeerConsent(): Promise<void> {
  if (isFirefox) await browser.permissions.remove({ data_collection }).catch(() => false);
}
