import type { HeaderView } from './headers.ts';
import type { DetectionKind, PageMarkers, Platform, Vendor } from './types.ts';

/** What a vendor's own response headers prove: that it answered, and where. */
export interface HeaderHit {
  evidence: string[];
  colo: string | null;
  rayId: string | null;
}

/** A vendor-specific reading of the page (or of decisive headers alone). */
export interface Finding {
  kind: DetectionKind;
  /** The vendor's own error number when shown (Cloudflare 1020); the registry falls back to the HTTP status. */
  code: number | null;
  evidence: string[];
  rayId?: string | null;
  colo?: string | null;
  /** True when the finding rests on page markup (which anyone can imitate) rather than on headers. */
  fromPage: boolean;
  /** The hosting platform the page names (Azure App Service, App Engine), when the vendor's page says so. */
  platform?: Platform;
}

export interface DetectInput {
  status: number | null;
  page: PageMarkers | null;
  headers: HeaderView | null;
}

/** One CDN/WAF, in its own file; tests/fixtures/pages/fixtures.json names its positive and negative fixtures. */
export interface Detector {
  /** Unique, stable, kebab-case. */
  id: string;
  vendor: Vendor;
  /** Headers that prove this vendor served the response; null when none do. */
  readHeaders(headers: HeaderView): HeaderHit | null;
  /** This vendor's error/block/challenge page, or decisive headers; null when neither is present. */
  inspect(input: DetectInput, hit: HeaderHit | null): Finding | null;
  /** Markers of this vendor on an otherwise normal page (beacons, obfuscation); null when none. */
  readHints?(page: PageMarkers): string[] | null;
}

/** A header hit from a list of evidence, or null if empty. */
export function toHeaderHit(
  evidence: string[],
  colo: string | null = null,
  rayId: string | null = null,
): HeaderHit | null {
  return evidence.length > 0 ? { evidence, colo, rayId } : null;
}
