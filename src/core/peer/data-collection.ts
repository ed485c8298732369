/**
 * What peer reports collect, in Mozilla's data-collection categories (Firefox's `data_collection_permissions`). Kept
 * apart from the browser code so vite.config.ts can declare the same list in the Firefox manifest.
 * A hash of the failing site's domain is browsing activity (hashes of popular domains can be reversed); what failed,
 * the CDN and its data centre are technical data.
 */
export const PEER_DATA_COLLECTION = ['browsingActivity', 'technicalAndInteraction'] as const;
