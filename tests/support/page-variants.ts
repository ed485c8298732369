/**
 * Property-test support for the classifier: renders a page template the way real servers and templates differ in
 * what must not matter (whitespace between tags, attribute order, tag case, the document language), and classifies
 * the result through the same path the CLI uses (happy-dom parse, marker extraction, classify).
 */
import fc from 'fast-check';
import { parseHtml } from '../../src/cli/parse-html.ts';
import { classify, extractPageMarkers, parseHeaderLines } from '../../src/core/detect/index.ts';
import type { Detection } from '../../src/core/detect/types.ts';

/** How one rendering of a template differs from another; none of it changes what the page says. */
export interface Rendering {
  whitespace: string;
  reverseAttributes: boolean;
  upperCaseTags: boolean;
  lang: string;
}

export const aRendering: fc.Arbitrary<Rendering> = fc.record({
  whitespace: fc.constantFrom('', ' ', '\n', '\r\n', '\n\t\t', '  \n    '),
  reverseAttributes: fc.boolean(),
  upperCaseTags: fc.boolean(),
  lang: fc.constantFrom('en', 'en-US', 'ko', 'ja', 'de', 'fr', 'ar', 'pt-BR', 'zh-CN', 'ru'),
});

const START_TAG = /<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-\w:.]*(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTRIBUTE = /[a-zA-Z_:][-\w:.]*(?:="[^"]*")?/g;

/**
 * Applies a rendering to a template written with double-quoted attributes. Text inside <script> and <pre> keeps its
 * bytes, as servers never reflow those.
 */
export function render(template: string, rendering: Rendering): string {
  const parts = template.split(/(<(?:script|pre)\b[\s\S]*?<\/(?:script|pre)>)/i);
  const out = parts.map((part, index) => {
    const isVerbatim = index % 2 === 1;
    const tags = part.replace(START_TAG, (_, name: string, attributes: string, selfClosing: string) => {
      const list = attributes.match(ATTRIBUTE) ?? [];
      if (rendering.reverseAttributes) list.reverse();
      const tag = rendering.upperCaseTags ? name.toUpperCase() : name.toLowerCase();
      return `<${tag}${list.map((attribute) => ` ${attribute}`).join('')}${selfClosing ? ' /' : ''}>`;
    });
    return isVerbatim ? tags : tags.replace(/>\s*</g, `>${rendering.whitespace}<`);
  });
  return out
    .join('')
    .replace(
      /<html\b([^>]*)>/i,
      (_, rest: string) => `<html lang="${rendering.lang}"${rest.replace(/\slang="[^"]*"/, '')}>`,
    );
}

export interface Served {
  status: number | null;
  headers?: readonly string[] | null;
  isPlainText?: boolean;
}

/** Classifies an HTML (or text/plain) body as the CLI and the extension do. */
export function classifyHtml(html: string, served: Served): Detection {
  const page = parseHtml(html, 'https://variant.test/', served.isPlainText ?? false);
  try {
    return classify({
      url: 'https://variant.test/',
      status: served.status,
      headers: served.headers ? parseHeaderLines(served.headers) : null,
      page: extractPageMarkers(page.document),
    });
  } finally {
    void page.close();
  }
}

/** Filler prose in several languages, for pages that must read as normal whatever they are about. */
export const PROSE: readonly string[] = [
  'The committee met on Tuesday to review the budget and agreed to publish the minutes next week.',
  '위원회는 화요일에 만나 예산을 검토했고 다음 주에 회의록을 공개하기로 했습니다.',
  '委員会は火曜日に予算を検討し、来週議事録を公開することで合意した。',
  'Der Ausschuss hat am Dienstag den Haushalt geprüft und das Protokoll für nächste Woche angekündigt.',
  'Le comité s’est réuni mardi pour examiner le budget et publiera le compte rendu la semaine prochaine.',
  'اجتمعت اللجنة يوم الثلاثاء لمراجعة الميزانية واتفقت على نشر المحضر الأسبوع المقبل.',
  'Комитет собрался во вторник, чтобы рассмотреть бюджет, и опубликует протокол на следующей неделе.',
];
