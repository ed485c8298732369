/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** 'chrome' | 'firefox', set by vite.config.ts so per-browser branches are stripped at build time. */
  readonly BROWSER: 'chrome' | 'firefox';
  /** '1' only in the E2E build, which compiles in the test bridge (src/content/e2e-bridge.ts) and hooks (src/background/e2e-hooks.ts). */
  readonly VITE_E2E?: string;
  /** '1' builds an extension that never injects the reader: bench:pageload's third configuration. */
  readonly VITE_NO_READER?: string;
}
