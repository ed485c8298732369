/**
 * The public radar page the service serves at `/` (server/radar-page-route.ts). Built on its own, like the reader
 * (vite.reader.ts), by build.mjs: into dist/radar-page, with content-hashed assets so they can be cached for good.
 */
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact()],
  build: {
    outDir: resolve(import.meta.dirname, '..', '..', 'dist', 'radar-page'),
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
  },
});
