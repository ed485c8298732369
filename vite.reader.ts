/**
 * The reader (src/content/index.ts) is injected by the background with scripting.executeScript, which runs one
 * classic script: no `import`, no `import()`. crxjs emits content scripts as a loader that imports ES chunks, so the
 * reader is built on its own, after the extension, as one IIFE next to the manifest.
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export const READER_FILE = 'reader.js';

export function readerBundle(define: Record<string, string>): Plugin {
  let outDir = '';
  return {
    name: 'culprit-reader-bundle',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: import.meta.dirname,
        envDir: import.meta.dirname,
        publicDir: false,
        logLevel: 'warn',
        define,
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          lib: {
            entry: resolve(import.meta.dirname, 'src', 'content', 'index.ts'),
            formats: ['iife'],
            name: 'culpritReader',
            fileName: () => READER_FILE,
          },
        },
      });
    },
  };
}
