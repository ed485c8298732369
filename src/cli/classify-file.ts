import { readFile } from 'node:fs/promises';
import { classify } from '../core/detect/index.ts';
import type { Detection, HeaderList } from '../core/detect/types.ts';

export interface ClassifyFileOptions {
  file: string;
  url: string;
  status: number | null;
  /** null: headers unknown, so CDN-looking pages come back `unconfirmed`. */
  headers: HeaderList | null;
  /** Told when only the start of the file was classified (see readPage). */
  warn?: (message: string) => void;
}

/** Reads, parses and classifies one saved page. `.txt` files are treated as text/plain bodies. */
export async function classifyFile(options: ClassifyFileOptions): Promise<Detection> {
  const source = await readFile(options.file, 'utf8');
  // Loaded on first use: the parser is most of the CLI's start-up, and a bad argument should not wait for it.
  const { readPage } = await import('./read-page.ts');
  const { markers, partial } = readPage(source, options.file.endsWith('.txt'));
  if (partial) options.warn?.(`${options.file}: ${partial}`);
  return classify({ url: options.url, status: options.status, headers: options.headers, page: markers });
}
