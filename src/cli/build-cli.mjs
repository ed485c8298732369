// Builds the CLI bundle: classify, check and corpus with everything they import (core, parse5, undici, valibot)
// in a few ES modules for Node. Loading one bundle takes Node about a fifth of what tsx spends compiling and
// resolving hundreds of files on every run. The HTML parser sits in a chunk of its own, loaded only when a page is read.
import { build } from 'vite';

/** Command name → its TypeScript entry. */
export const ENTRIES = {
  classify: 'src/cli/classify.ts',
  check: 'src/cli/check.ts',
  corpus: 'src/cli/corpus.ts',
};

/** @param {string} root the project root @param {string} outDir where the bundle goes (emptied first) */
export async function buildCli(root, outDir) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    // Bundle the dependencies too: resolving node_modules file by file is most of what a cold start costs.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: true,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: { input: ENTRIES, output: { format: 'es', entryFileNames: '[name].js' } },
    },
  });
}
