import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import base from './manifest.json' with { type: 'json' };
import { readerBundle } from './vite.reader.ts';
import { PEER_DATA_COLLECTION } from './src/core/peer/data-collection.ts';

const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
const define = { 'import.meta.env.BROWSER': JSON.stringify(target) };

/**
 * manifest.json is the Chrome form and the one source of truth; Firefox needs an event-page background,
 * an add-on id and a data-collection declaration.
 */
function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  const common = withE2eControl(base);
  if (browser === 'chrome') return common as ManifestV3Export;
  const { service_worker: _sw, ...background } = base.background;
  return {
    ...common,
    background: { ...background, scripts: [base.background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: 'culprit@culprit-ext.org',
        strict_min_version: '140.0',
        // Nothing is collected unless the person turns peer reports on; then Firefox asks too (src/shared/peer-consent.ts).
        data_collection_permissions: { required: ['none'], optional: [...PEER_DATA_COLLECTION] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * No page gets a declared content script (the reader is injected on demand, vite.reader.ts). The E2E build declares
 * one, for the harness's control page only, so the Firefox harness can open extension tabs from it.
 */
function withE2eControl(manifest: typeof base): typeof base {
  if (process.env.VITE_E2E !== '1') return manifest;
  const control = [{ matches: ['http://control.test/*'], js: ['content/e2e-control.ts'] }];
  return { ...manifest, content_scripts: control } as typeof base;
}

export default defineConfig({
  // The HTML pages live in src/ so that they land at the root of dist (popup.html), as the E2E contract expects.
  root: resolve(import.meta.dirname, 'src'),
  publicDir: resolve(import.meta.dirname, 'public'),
  envDir: import.meta.dirname,
  define,
  plugins: [preact(), crx({ manifest: manifestFor(target), browser: target }), readerBundle(define)],
  build: {
    outDir: resolve(import.meta.dirname, 'dist', target),
    emptyOutDir: true,
    target: 'es2022',
    // Pages the manifest does not name are built only when listed here (crxjs: "extra HTML pages").
    rollupOptions: { input: { history: resolve(import.meta.dirname, 'src', 'history.html') } },
  },
});
