/** The extension's own storage areas behind the typed items of keys.ts; every context uses this one handle. */
import { browser } from '../browser.ts';
import { createStorage } from './storage.ts';

export const extensionStorage = createStorage(browser.storage);
