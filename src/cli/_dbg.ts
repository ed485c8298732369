import { readFileSync } from 'node:fs';
import { extractPageMarkers } from '../core/detect/extract-markers.ts';
import { parseHtml } from './parse-html.ts';
const p = parseHtml(readFileSync(process.argv[2]!, 'utf8'), 'https://x.test/', false);
console.log(JSON.stringify(extractPageMarkers(p.document)).slice(0, 1500));
console.log(p.document.documentElement.outerHTML.slice(0, 400));
await p.close();
