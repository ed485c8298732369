/**
 * The one place that imports webextension-polyfill. The polyfill is frozen (its README, 2026-07) because Chrome 148+ ships
 * the `browser` namespace natively; where `browser` exists it is a no-op, so dropping it later is a one-file change.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
