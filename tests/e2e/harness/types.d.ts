// Types the e2e JavaScript shares, checked by tests/e2e/tsconfig.json (JSDoc `@import` them).
import type { launchChromium } from './launch-chromium.mjs';
import type { launchFirefox } from './launch-firefox.mjs';

/**
 * The page calls both drivers offer: Playwright's Page (Chromium) and Puppeteer's Page (Firefox) are each assignable
 * to it, so code written against it runs in either browser. A browser-only call casts after checking `driver.name`.
 */
export interface AnyPage {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  close(): Promise<void>;
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' }): Promise<unknown>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** The first element matching `selector`, or null. */
  $(selector: string): Promise<unknown>;
}

/** Where a launcher sends the fake hosts: the fakes' port, and a port nothing listens on for `refused.test`. */
interface Net {
  port: number;
  closedPort: number;
  hosts: string[];
}

type ChromiumDriver = Awaited<ReturnType<typeof launchChromium>>;
type FirefoxDriver = Awaited<ReturnType<typeof launchFirefox>>;
/** A launched browser with the extension loaded; `name` tells which, and narrows to its extras. */
export type Driver = ChromiumDriver | FirefoxDriver;
export type Launch = (net: Net & { prefs?: Record<string, unknown>; extensions?: string[] }) => Promise<Driver>;
