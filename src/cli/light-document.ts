/**
 * A read-only view of a parse5 tree through the few DOM members `extractPageMarkers` reads (title, documentElement,
 * body, createTreeWalker; on nodes tagName, id, classList, getAttribute, textContent, parentElement,
 * firstElementChild, childElementCount, data). parse5 follows the WHATWG parsing algorithm, so the tree is the one a
 * browser builds (with scripting on: `<noscript>` holds raw text, `<template>` content is out of the tree), and
 * loading it costs the CLI about a tenth of a full DOM such as happy-dom. A member left out throws a TypeError where
 * it is used; read-page.test.ts classifies every fixture page through this view, so a missing one fails there.
 */
import type { DefaultTreeAdapterMap } from 'parse5';

type RawNode = DefaultTreeAdapterMap['node'];
type RawElement = DefaultTreeAdapterMap['element'];
type RawDocument = DefaultTreeAdapterMap['document'];
type RawText = DefaultTreeAdapterMap['textNode'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// NodeFilter's SHOW_ELEMENT and SHOW_TEXT.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

const isElement = (node: RawNode): node is RawElement => 'tagName' in node;
const isText = (node: RawNode): node is RawText => node.nodeName === '#text';
const isHtml = (node: RawNode, tag: string): boolean =>
  isElement(node) && node.tagName === tag && node.namespaceURI === HTML_NS;

/** Every node under `root` in tree order, iteratively: a page nested 10^5 levels deep must not overflow the stack. */
function* descendants(root: RawNode): Generator<RawNode> {
  if (!('childNodes' in root)) return;
  const stack = [{ nodes: root.childNodes as RawNode[], next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.nodes[top.next++];
    if (node === undefined) {
      stack.pop();
      continue;
    }
    yield node;
    if ('childNodes' in node && node.childNodes.length > 0) stack.push({ nodes: node.childNodes, next: 0 });
  }
}

const elementChildren = (node: RawNode): RawElement[] =>
  'childNodes' in node ? (node.childNodes as RawNode[]).filter(isElement) : [];

class LightNode {
  constructor(readonly raw: RawNode) {}

  get parentElement(): LightElement | null {
    const parent = 'parentNode' in this.raw ? this.raw.parentNode : null;
    return parent && isElement(parent) ? new LightElement(parent) : null;
  }
}

class LightText extends LightNode {
  get data(): string {
    return isText(this.raw) ? this.raw.value : '';
  }
}

class LightElement extends LightNode {
  declare readonly raw: RawElement;

  get tagName(): string {
    return this.raw.namespaceURI === HTML_NS ? this.raw.tagName.toUpperCase() : this.raw.tagName;
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }

  /** DOMTokenList's reading: ASCII-whitespace-separated tokens, duplicates dropped. */
  get classList(): readonly string[] & { contains(token: string): boolean } {
    const tokens = [...new Set((this.getAttribute('class') ?? '').split(/[\t\n\f\r ]+/).filter(Boolean))];
    return Object.assign(tokens, { contains: (token: string) => tokens.includes(token) });
  }

  getAttribute(name: string): string | null {
    return this.raw.attrs.find((attr) => attr.name === name)?.value ?? null;
  }

  get textContent(): string {
    let text = '';
    for (const node of descendants(this.raw)) if (isText(node)) text += node.value;
    return text;
  }

  get firstElementChild(): LightElement | null {
    const first = elementChildren(this.raw)[0];
    return first ? new LightElement(first) : null;
  }

  get childElementCount(): number {
    return elementChildren(this.raw).length;
  }
}

class LightDocument {
  constructor(private readonly raw: RawDocument) {}

  get documentElement(): LightElement | null {
    const root = elementChildren(this.raw)[0];
    return root ? new LightElement(root) : null;
  }

  /** The html element's first body or frameset child, as `document.body` defines it. */
  get body(): LightElement | null {
    const root = elementChildren(this.raw)[0];
    if (!root || !isHtml(root, 'html')) return null;
    const body = elementChildren(root).find((child) => isHtml(child, 'body') || isHtml(child, 'frameset'));
    return body ? new LightElement(body) : null;
  }

  /** The first HTML <title>'s own text, whitespace stripped and collapsed, as `document.title` defines it. */
  get title(): string {
    let title: RawNode | undefined;
    for (const node of descendants(this.raw)) {
      if (isHtml(node, 'title')) {
        title = node;
        break;
      }
    }
    if (!title || !('childNodes' in title)) return '';
    const text = title.childNodes.map((child) => (isText(child) ? child.value : '')).join('');
    return text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
  }

  /** A walker over `root`'s descendants that `whatToShow` selects (elements and/or text), root excluded. */
  createTreeWalker(root: LightNode, whatToShow: number): { nextNode(): LightNode | null } {
    const nodes = descendants(root.raw);
    return {
      nextNode() {
        for (let step = nodes.next(); !step.done; step = nodes.next()) {
          const node = step.value;
          if (whatToShow & SHOW_ELEMENT && isElement(node)) return new LightElement(node);
          if (whatToShow & SHOW_TEXT && isText(node)) return new LightText(node);
        }
        return null;
      },
    };
  }
}

/**
 * The parse5 document as core's `Document` parameter. The cast is the point: only the members listed above exist.
 * @example extractPageMarkers(lightDocument(parse('<title>Down</title>')))
 */
export function lightDocument(raw: RawDocument): Document {
  return new LightDocument(raw) as unknown as Document;
}
