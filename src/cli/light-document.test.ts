import { type DefaultTreeAdapterMap, defaultTreeAdapter, html, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { extractPageMarkers } from '../core/detect/extract-markers.ts';
import { lightDocument } from './light-document.ts';

const markersOf = (html: string) => extractPageMarkers(lightDocument(parse(html)));

describe('lightDocument', () => {
  it('gives document.title as browsers do: the first <title>, its whitespace collapsed, never shown as text', () => {
    const markers = markersOf('<title>\n  502 \t Bad   Gateway </title><title>second</title><p>nginx</p>');
    expect(markers.title).toBe('502 Bad Gateway');
    expect(markers.text).toBe('nginx');
  });

  it('puts a head-only page in <head>: its body is empty and has no text, as in a browser', () => {
    const markers = markersOf('<html><title>Redirecting</title><noscript>Enable JS</noscript><script>a()</script>');
    expect(markers).toMatchObject({ title: 'Redirecting', text: '', isPlainText: true, inlineScript: 'a()' });
  });

  it('holds <noscript> as raw text (scripting on), read without its tags', () => {
    const markers = markersOf('<body><noscript><div class="h2" id="x">Enable <b>JavaScript</b></div></noscript>');
    expect(markers.text).toBe('Enable JavaScript');
    expect([markers.ids, markers.classes]).toEqual([[], []]);
  });

  it('keeps a script whole when its text has `<` before a letter, and reads on after it', () => {
    const markers = markersOf('<script>for(i=0;i<L;i++){}</script><p id="after" class="a a  b">after</p>');
    expect(markers.inlineScript).toBe('for(i=0;i<L;i++){}');
    expect([markers.ids, markers.classes, markers.text]).toEqual([['after'], ['a', 'b'], 'after']);
  });

  it('leaves <template> content out of the tree and reads resources from their attributes', () => {
    const markers = markersOf(
      '<template><p id="hidden">x</p></template><img src="/a.png"><svg class="icon"><use href="#i"/></svg>' +
        '<form action="/cdn-cgi/challenge"></form><script src="/s.js"></script>',
    );
    expect(markers.ids).toEqual([]);
    expect(markers.classes).toEqual(['icon']);
    expect(markers.resources).toEqual(['/a.png', '/cdn-cgi/challenge', '/s.js']);
  });

  it('normalises CRLF to LF as the HTML tokenizer does', () => {
    expect(markersOf('<script>a\r\nb</script>').inlineScript).toBe('a\nb');
  });

  it('walks a tree nested 100,000 levels deep without overflowing the stack', () => {
    const document = parse('<title>deep</title>');
    const root = document.childNodes[0] as DefaultTreeAdapterMap['element'];
    let parent = root.childNodes[1] as DefaultTreeAdapterMap['element']; // <body>
    for (let depth = 0; depth < 100_000; depth++) {
      const child = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
      defaultTreeAdapter.appendChild(parent, child);
      parent = child;
    }
    defaultTreeAdapter.insertText(parent, 'leaf');
    const markers = extractPageMarkers(lightDocument(document));
    expect([markers.title, markers.text]).toEqual(['deep', 'leaf']);
  });

  it('reads a frameset page, whose body is the frameset', () => {
    const markers = markersOf('<frameset id="f"><frame src="/a.html"></frameset>');
    expect([markers.ids, markers.isPlainText]).toEqual([['f'], false]);
  });
});
