import type { PageMarkers } from './types.ts';

/** Hard caps on what `extractPageMarkers` reads and returns; a hostile or huge page cannot exceed them. */
export const TITLE_LIMIT = 300;
export const TEXT_LIMIT = 4000;
export const ELEMENT_LIMIT = 3000;
export const TEXT_NODE_LIMIT = 5000;
export const ID_LIMIT = 200;
export const CLASS_LIMIT = 300;
export const RESOURCE_LIMIT = 100;
export const RESOURCE_CHARS = 300;
export const SCRIPT_LIMIT = 8000;
/** Per inline script: challenge configs (`_cf_chl_opt`) sit at the start of their script, bundles are long. */
const SCRIPT_HEAD_CHARS = 2000;
const NAME_CHARS = 100;

const RESOURCE_ATTRIBUTES: Readonly<Record<string, string>> = {
  SCRIPT: 'src',
  LINK: 'href',
  IFRAME: 'src',
  IMG: 'src',
  FORM: 'action',
};
// TITLE: happy-dom (the unit tests' full DOM) leaves a head-less page's <title> in <body>; browsers never show it.
const HIDDEN_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE']);
// NodeFilter constants, spelled out because core may not touch the global `NodeFilter`.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** Collapses runs of whitespace and trims. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reduces a document to bounded, serialisable facts for the classifier.
 * Walks at most ELEMENT_LIMIT elements and TEXT_NODE_LIMIT text nodes, iteratively (no recursion), so a
 * 10 MB page or a DOM nested 10,000 levels deep costs the same as a small one.
 * Text keeps `<noscript>` content because challenge pages put their only visible sentence there
 * ("Enable JavaScript and cookies to continue"); with scripting on, browsers hold it as raw markup, so tags are
 * stripped.
 * @example extractPageMarkers(new DOMParser().parseFromString(html, 'text/html')).title
 */
export function extractPageMarkers(doc: Document): PageMarkers {
  const elements = readElements(doc);
  return {
    title: collapse((doc.title ?? '').slice(0, TITLE_LIMIT * 4)).slice(0, TITLE_LIMIT),
    text: readText(doc),
    ...elements,
    isPlainText: isPlainTextBody(doc),
  };
}

type ElementFacts = Pick<PageMarkers, 'ids' | 'classes' | 'resources' | 'inlineScript' | 'errorSourceId'>;

function readElements(doc: Document): ElementFacts {
  const ids = new Set<string>();
  const classes = new Set<string>();
  const resources: string[] = [];
  let inlineScript = '';
  let errorSourceId: string | null = null;
  const root = doc.documentElement;
  if (!root) {
    return { ids: [], classes: [], resources, inlineScript, errorSourceId };
  }
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  let node: Node | null = root;
  for (let seen = 0; node && seen < ELEMENT_LIMIT; seen++, node = walker.nextNode()) {
    const el = node as Element;
    const id = el.id;
    if (id && ids.size < ID_LIMIT) ids.add(id.slice(0, NAME_CHARS));
    const classList = el.classList;
    // SVG elements expose className as an object; classList is uniform across element types.
    for (let i = 0; classList && i < classList.length && classes.size < CLASS_LIMIT; i++) {
      const name = classList[i];
      if (name) classes.add(name.slice(0, NAME_CHARS));
    }
    if (errorSourceId === null && classList?.contains('cf-error-source')) {
      errorSourceId = id.slice(0, NAME_CHARS);
    }
    const tag = el.tagName.toUpperCase();
    const attribute = RESOURCE_ATTRIBUTES[tag];
    const value = attribute ? el.getAttribute(attribute) : null;
    if (value && resources.length < RESOURCE_LIMIT) resources.push(value.slice(0, RESOURCE_CHARS));
    if (tag === 'SCRIPT' && !value && inlineScript.length < SCRIPT_LIMIT) {
      const head = (el.textContent ?? '').slice(0, SCRIPT_HEAD_CHARS);
      inlineScript = `${inlineScript}${inlineScript ? '\n' : ''}${head}`.slice(0, SCRIPT_LIMIT);
    }
  }
  return { ids: [...ids], classes: [...classes], resources, inlineScript, errorSourceId };
}

function readText(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  let node = walker.nextNode();
  for (let seen = 0; node && seen < TEXT_NODE_LIMIT && length < TEXT_LIMIT; seen++) {
    const parentTag = node.parentElement?.tagName.toUpperCase() ?? '';
    if (!HIDDEN_TEXT_PARENTS.has(parentTag)) {
      // Cut before collapsing so one 10 MB text node costs no more than TEXT_LIMIT.
      let piece = ((node as Text).data ?? '').slice(0, TEXT_LIMIT * 2);
      if (parentTag === 'NOSCRIPT') piece = piece.replace(/<[^>]*>/g, ' ');
      piece = collapse(piece);
      if (piece) {
        parts.push(piece);
        length += piece.length + 1;
      }
    }
    node = walker.nextNode();
  }
  return parts.join(' ').slice(0, TEXT_LIMIT);
}

/** A browser shows a text/plain response as a lone <pre>; a bare `error code: 1020` body parses to no elements. */
function isPlainTextBody(doc: Document): boolean {
  const body = doc.body;
  if (!body) return true;
  const first = body.firstElementChild;
  if (!first) return true;
  return body.childElementCount === 1 && first.tagName.toUpperCase() === 'PRE' && first.childElementCount === 0;
}
