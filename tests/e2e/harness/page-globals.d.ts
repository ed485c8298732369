// What the functions the e2e suite hands to page.evaluate() find in the page they run in: an extension page, the
// background (Firefox's event page is a window the control page reaches; Chromium's worker is evaluated directly),
// or a fake site. Declared for the e2e program only (tests/e2e/tsconfig.json), so src/ never sees these globals.
import type { Browser } from 'webextension-polyfill';
import type { E2eHooks } from '../../../src/background/e2e-hooks.ts';

/** A notification as the background asked for it, recorded by the spy (notify-spy.mjs). */
export interface SpiedNotification {
  id: string;
  type: string;
  title: string;
  message: string;
  iconUrl?: string;
  buttons?: { title: string }[];
  at: number;
}

/** What the spy and the E2E build leave in the background's global scope. */
interface BackgroundTestGlobals {
  /** The E2E build's notification-click hooks (src/background/e2e-hooks.ts); missing from production builds. */
  __culpritE2e: E2eHooks;
  __culpritE2eNotes?: SpiedNotification[];
  __culpritE2eCleared?: string[];
  /** Set on a Firefox event page about to be reloaded, so its late answers are not taken for the new one's. */
  __culpritE2eStale?: boolean;
}

declare global {
  /** Firefox's promise-based namespace; Chromium has none. */
  var browser: Browser | undefined;
  /** Chromium's namespace, promise-based in MV3; Firefox offers it too. */
  var chrome: Browser;
  var __culpritE2e: BackgroundTestGlobals['__culpritE2e'];
  var __culpritE2eNotes: BackgroundTestGlobals['__culpritE2eNotes'];
  var __culpritE2eCleared: BackgroundTestGlobals['__culpritE2eCleared'];
  /** Notification ids Firefox reported closed, watched from the control page. */
  var __culpritE2eClosed: string[] | undefined;
  /** What the popup handed to the clipboard's writeText, recorded in Firefox (features/popup.mjs). */
  var __culpritE2eCopied: string[] | undefined;
  /** `persisted` of each pageshow a fake site saw (features/bfcache.mjs). */
  var __e2ePageshow: boolean[] | undefined;
  /** axe-core, injected into the page under audit (tests/a11y). */
  var axe: typeof import('axe-core');

  interface Window extends BackgroundTestGlobals {
    browser: Browser;
  }
}
