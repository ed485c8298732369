import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHtml, type ParsedPage } from '../../cli/parse-html.ts';
import {
  CLASS_LIMIT,
  extractPageMarkers,
  ID_LIMIT,
  RESOURCE_CHARS,
  RESOURCE_LIMIT,
  SCRIPT_LIMIT,
  ELEMENT_LIMIT,
  TEXT_LIMIT,
  TEXT_NODE_LIMIT,
  TITLE_LIMIT,
} from './extract-markers.ts';
import type { PageMarkers } from './types.ts';

/** Counts every step of every tree walker the document hands out, so a test can bound the work done on it. */
function countWalkerSteps(doc: Document): { count: number } {
  const steps = { count: 0 };
  const create = doc.createTreeWalker.bind(doc);
  doc.createTreeWalker = (...args: Parameters<Document['createTreeWalker']>) => {
    const walker = create(...args);
    const next = walker.nextNode.bind(walker);
    walker.nextNode = () => {
      steps.count++;
      return next();
    };
    return walker;
  };
  return steps;
}

const opened: Pick<ParsedPage, 'close'>[] = [];
afterAll(async () => {
  await Promise.all(opened.map((page) => page.close()));
});

/** happy-dom via the CLI's adapter, which loads nothing and runs no script. */
function parse(html: string): Document {
  const page = parseHtml(html, 'https://page.test/', false);
  opened.push(page);
  return page.document;
}

/**
 * A whole 10 MB page, as a browser tab holds it: the CLI adapter stops at MAX_PARSE_CHARS, which this test must not.
 */
function parseWhole(html: string): Document {
  const window = new Window({ url: 'https://page.test/', settings: { disableJavaScriptEvaluation: true } });
  opened.push({ close: () => window.happyDOM.close() });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function expectWithinCaps(markers: PageMarkers): void {
  expect(markers.title.length).toBeLessThanOrEqual(TITLE_LIMIT);
  expect(markers.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
  expect(markers.ids.length).toBeLessThanOrEqual(ID_LIMIT);
  expect(markers.classes.length).toBeLessThanOrEqual(CLASS_LIMIT);
  expect(markers.resources.length).toBeLessThanOrEqual(RESOURCE_LIMIT);
  for (const url of markers.resources) expect(url.length).toBeLessThanOrEqual(RESOURCE_CHARS);
  expect(markers.inlineScript.length).toBeLessThanOrEqual(SCRIPT_LIMIT);
  expect(new Set(markers.ids).size).toBe(markers.ids.length);
  expect(new Set(markers.classes).size).toBe(markers.classes.length);
}

describe('extractPageMarkers', () => {
  it('reads the Cloudflare 5xx facts the classifier needs', () => {
    const markers = extractPageMarkers(
      parse(`<title>  a.example |
        522: Connection timed out </title><link rel="stylesheet" href="/cdn-cgi/styles/main.css">
        <div id="cf-wrapper"><div id="cf-host-status" class="cf-error-source relative">Host <b>Error</b></div></div>
        <script>window._cf_translation = {};</script><script src="/x.js"></script>`),
    );
    expect(markers.title).toBe('a.example | 522: Connection timed out');
    expect(markers.ids).toEqual(['cf-wrapper', 'cf-host-status']);
    expect(markers.classes).toEqual(['cf-error-source', 'relative']);
    expect(markers.resources).toEqual(['/cdn-cgi/styles/main.css', '/x.js']);
    expect(markers.inlineScript).toBe('window._cf_translation = {};');
    expect(markers.errorSourceId).toBe('cf-host-status');
    expect(markers.text).toBe('Host Error');
    expect(markers.isPlainText).toBe(false);
  });

  it('keeps <noscript> text (challenge pages speak only there) but not script or style text', () => {
    const markers = extractPageMarkers(
      parse(
        '<style>.a{}</style><noscript><span>Enable JavaScript and cookies to continue</span></noscript><script>var hidden = 1;</script><p>shown</p>',
      ),
    );
    expect(markers.text).toBe('Enable JavaScript and cookies to continue shown');
  });

  it('strips raw markup from <noscript> text, as browsers with scripting hold it', () => {
    const doc = parse('<body><noscript></noscript></body>');
    doc
      .querySelector('noscript')
      ?.appendChild(doc.createTextNode('<div class="h2"><span id="x">Enable JavaScript</span></div>'));
    expect(extractPageMarkers(doc).text).toBe('Enable JavaScript');
  });

  it('flags a bare text body and a lone <pre> as plain text', () => {
    expect(extractPageMarkers(parse('error code: 1020')).isPlainText).toBe(true);
    expect(extractPageMarkers(parse('<pre>error code: 1020</pre>')).isPlainText).toBe(true);
    expect(extractPageMarkers(parse('<pre>a</pre><p>b</p>')).isPlainText).toBe(false);
  });

  it('caps every field on a 10 MB page and stays fast', () => {
    // Text-heavy rather than element-dense: happy-dom's own parser needs ~2 s per MB of dense markup, which
    // would measure happy-dom, not the extractor. 4,500 elements still exceed ELEMENT_LIMIT.
    const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(34);
    const parts = [`<title>${'T'.repeat(5000)}</title><script>${'var a = 1;'.repeat(100_000)}</script>`];
    for (let i = 0; i < 4500; i++) {
      parts.push(
        `<div id="i${i}" class="c${i} k"><img src="/img/${'x'.repeat(400)}${i}.png"><p>${paragraph}</p></div>`,
      );
    }
    const html = parts.join('');
    expect(html.length).toBeGreaterThanOrEqual(10_000_000);
    const doc = parseWhole(html);
    const steps = countWalkerSteps(doc);
    const markers = extractPageMarkers(doc);
    expectWithinCaps(markers);
    expect(markers.ids).toHaveLength(ID_LIMIT);
    expect(markers.classes).toHaveLength(CLASS_LIMIT);
    expect(markers.resources).toHaveLength(RESOURCE_LIMIT);
    expect(markers.text).toHaveLength(TEXT_LIMIT);
    expect(markers.title).toHaveLength(TITLE_LIMIT);
    // Bounded work, counted rather than timed: the walk stops at its node limits on a page of ~18,000 elements and
    // text nodes (the time it takes is bench:detect's to measure).
    expect(steps.count).toBeLessThanOrEqual(ELEMENT_LIMIT + TEXT_NODE_LIMIT);
    expect(steps.count).toBeGreaterThan(0);
  });

  it('walks a DOM nested 10,000 levels deep without recursion', () => {
    const doc = parse('<title>deep</title>');
    let parent: Element = doc.body;
    for (let depth = 0; depth < 10_000; depth++) {
      const child = doc.createElement('div');
      child.id = `d${depth}`;
      child.appendChild(doc.createTextNode(`level ${depth}`));
      parent.appendChild(child);
      parent = child;
    }
    const markers = extractPageMarkers(doc);
    expectWithinCaps(markers);
    expect(markers.ids[0]).toBe('d0');
    expect(markers.text.startsWith('level 0 level 1')).toBe(true);
  });

  it('respects its caps on arbitrary markup', () => {
    const tag = fc.constantFrom(
      'div',
      'span',
      'script',
      'img',
      'a',
      'pre',
      'noscript',
      'style',
      'form',
      'iframe',
      'link',
    );
    const attr = fc.tuple(fc.constantFrom('id', 'class', 'src', 'href', 'action'), fc.string({ maxLength: 400 }));
    const element = fc
      .tuple(tag, fc.array(attr, { maxLength: 3 }), fc.string({ maxLength: 300 }))
      .map(([name, attrs, text]) => {
        const rendered = attrs.map(([key, value]) => `${key}="${value.replaceAll('"', '')}"`).join(' ');
        return `<${name} ${rendered}>${text}</${name}>`;
      });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 60 }), fc.string({ maxLength: 600 }), (elements, title) => {
        const doc = parse(`<title>${title.replaceAll('<', '')}</title>${elements.join('')}`);
        expectWithinCaps(extractPageMarkers(doc));
      }),
      { numRuns: 150 },
    );
  });
});
