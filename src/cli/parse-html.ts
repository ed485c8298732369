import { Window } from 'happy-dom';
import { MAX_PARSE_CHARS } from './read-page.ts';
import { mapScriptBodies } from './script-blocks.ts';

/** A parsed document plus the window that owns it; call `close()` to free happy-dom's resources. */
export interface ParsedPage {
  document: Document;
  /** The source was longer than MAX_PARSE_CHARS and only its start was parsed. */
  isTruncated: boolean;
  close(): Promise<void>;
}

/** Characters of a text/plain file wrapped as the browser would, in a lone <pre>. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * happy-dom 21.0.4's parser drops a <script> and the rest of the document when the script's text has `<` followed
 * by a non-space (`for(i=0;i<L;i++)`, `a<=b`); browsers do not. A space after such `<` keeps the parse faithful
 * and changes no marker the classifier reads.
 */
function padScriptLessThan(html: string): string {
  return mapScriptBodies(html, (body) => body.replace(/<(?=\S)/g, '< '));
}

/**
 * A full, mutable DOM for core's `Document` parameter, for the tests and benches that query or edit a document
 * beyond what the extractor reads (the CLI itself reads pages through read-page.ts, a tenth of the start-up): parses
 * HTML with happy-dom, never running scripts, loading resources or navigating. Plain text is wrapped in <pre> the
 * way browsers display text/plain responses. Only the first MAX_PARSE_CHARS characters are read, as in the CLI.
 * @example const { document, close } = parseHtml('<title>x</title>', 'https://a.test/', false)
 */
export function parseHtml(fullSource: string, url: string, isPlainText: boolean): ParsedPage {
  const isTruncated = fullSource.length > MAX_PARSE_CHARS;
  const source = isTruncated ? fullSource.slice(0, MAX_PARSE_CHARS) : fullSource;
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const html = isPlainText
    ? `<html><head></head><body><pre>${escapeText(source)}</pre></body></html>`
    : padScriptLessThan(source);
  const parser = new window.DOMParser();
  // happy-dom's Document implements the DOM Document interface; its class is distinct from lib.dom's type.
  const document = parser.parseFromString(html, 'text/html') as unknown as Document;
  return { document, isTruncated, close: () => window.happyDOM.close() };
}
