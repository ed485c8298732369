import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse, type TreeAdapter } from 'parse5';
import { extractPageMarkers } from '../core/detect/extract-markers.ts';
import type { PageMarkers } from '../core/detect/types.ts';
import { lightDocument } from './light-document.ts';

/**
 * The most characters parsed. Error and block pages are a few KiB and the markers the classifier reads sit near the
 * top of a page; the bound keeps a 10 MB page from costing its whole parse (parse5 spends 5–25 µs per element, so
 * 512 Ki characters of flat markup take 0.5–2.5 s).
 */
export const MAX_PARSE_CHARS = 512 * 1024;

/**
 * The deepest element read. The HTML parsing algorithm scans the stack of open elements on every start tag, so a
 * page nesting 10^5 unclosed <div>s costs minutes; past this depth parsing stops, which bounds that scan. Chromium's
 * parser builds no deeper tree either (it flattens elements past 512), and real pages stay far below it.
 */
export const MAX_DEPTH = 512;

export interface PageReading {
  markers: PageMarkers;
  /** Why only the start of the page was read (for the person to be told), or null when all of it was. */
  partial: string | null;
}

/** Characters of a text/plain file wrapped as the browser would, in a lone <pre>. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Thrown by the tree adapter to stop the parse; the tree built so far stays usable. */
class TooDeep extends Error {}

type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** parse5's default tree, with the document kept where the caller can reach it if the depth bound stops the parse. */
function parseBounded(html: string): { document: DefaultTreeAdapterMap['document']; isComplete: boolean } {
  const document = defaultTreeAdapter.createDocument();
  // A <template>'s content hangs off no parent; its depth counts from the template, or nested templates would nest
  // without bound (and parse5 unwinds them at the end of input by recursion).
  const templateOf = new WeakMap<ParentNode, ParentNode>();
  const parentOf = (node: ParentNode) => ('parentNode' in node ? node.parentNode : (templateOf.get(node) ?? null));
  /** Counts the new node's ancestors, the document included, up to the bound. */
  const checkDepth = (parent: ParentNode) => {
    let ancestors = 1;
    for (let node = parentOf(parent); node; node = parentOf(node)) {
      if (++ancestors > MAX_DEPTH) throw new TooDeep();
    }
  };
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createDocument: () => document,
    appendChild(parent, node) {
      checkDepth(parent);
      defaultTreeAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, reference) {
      checkDepth(parent);
      defaultTreeAdapter.insertBefore(parent, node, reference);
    },
    setTemplateContent(template, content) {
      templateOf.set(content, template);
      defaultTreeAdapter.setTemplateContent(template, content);
    },
  };
  try {
    parse(html, { treeAdapter });
    return { document, isComplete: true };
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return { document, isComplete: false };
  }
}

/**
 * What the extension's content script would read from this page: parses it as a browser does (scripts never run,
 * nothing loads) and extracts the classifier's markers. Plain text is shown the way browsers show text/plain, in a
 * lone <pre>. Reads the first MAX_PARSE_CHARS characters, down to MAX_DEPTH; `partial` says when that cut the page.
 * @example readPage('<title>502 Bad Gateway</title>', false).markers.title // '502 Bad Gateway'
 */
export function readPage(fullSource: string, isPlainText: boolean): PageReading {
  const isLong = fullSource.length > MAX_PARSE_CHARS;
  const source = isLong ? fullSource.slice(0, MAX_PARSE_CHARS) : fullSource;
  const html = isPlainText ? `<html><head></head><body><pre>${escapeText(source)}</pre></body></html>` : source;
  const { document, isComplete } = parseBounded(html);
  let partial: string | null = null;
  if (!isComplete) partial = `elements nested over ${MAX_DEPTH} deep; only what precedes them was classified`;
  else if (isLong) partial = `${fullSource.length} characters; only the first ${MAX_PARSE_CHARS} were classified`;
  return { markers: extractPageMarkers(lightDocument(document)), partial };
}
