import { Window } from 'happy-dom';

/** A parsed document plus the window that owns it; call `close()` to free happy-dom's resources. */
export interface ParsedPage {
  document: Document;
  close(): Promise<void>;
}

/** Characters of a text/plain file wrapped as the browser would, in a lone <pre>. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>)/gi;

/**
 * happy-dom 21.0.4's parser drops a <script> and the rest of the document when the script's text has `<` followed
 * by a non-space (`for(i=0;i<L;i++)`, `a<=b`); browsers do not. A space after such `<` keeps the parse faithful
 * and changes no marker the classifier reads.
 */
function padScriptLessThan(html: string): string {
  return html.replace(SCRIPT_BLOCK, (_, open: string, body: string, close: string) => {
    return `${open}${body.replace(/<(?=\S)/g, '< ')}${close}`;
  });
}

/**
 * Node adapter for core's `Document` parameter: parses HTML with happy-dom, never running scripts, loading
 * resources or navigating. Plain text is wrapped in <pre> the way browsers display text/plain responses.
 * @example const { document, close } = parseHtml('<title>x</title>', 'https://a.test/', false)
 */
export function parseHtml(source: string, url: string, isPlainText: boolean): ParsedPage {
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
  return { document, close: () => window.happyDOM.close() };
}
