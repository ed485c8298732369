import { describe, expect, it } from 'vitest';
import { someFacts } from '../../tests/support/builders.ts';
import { decide } from '../core/diagnose/decide.ts';
import type { PageFacts } from '../core/diagnose/types.ts';
import { renderVerdictText } from './render-text.ts';

/** The headline and explanation lines of the text `check` prints for a page showing `page`. */
function verdictLines(page: Partial<PageFacts>): string[] {
  return renderVerdictText(decide(someFacts({ page }), 0))
    .split('\n')
    .slice(0, 2);
}

describe('renderVerdictText', () => {
  it('names the site in a site-config verdict when no CDN or platform is known, never an empty name', () => {
    const [headline, explanation] = verdictLines({ kind: 'site-config', vendor: null, code: 404 });
    expect(headline).toMatch(/^shop\.example is misconfigured /);
    expect(explanation).toBe(
      'shop.example is set up wrongly where it is hosted (for example a DNS record, or a storage bucket or app that ' +
        "does not exist). Only the site's owner can fix it.",
    );
  });

  it.each([
    [{ vendor: 'cloudflare', code: 1016 }, 'Cloudflare works'],
    [{ vendor: null, platform: 'github-pages', code: 404 }, 'GitHub Pages works'],
  ] as const)('names who works in a site-config verdict when the page says (%o)', (page, named) => {
    const [, explanation] = verdictLines({ kind: 'site-config', ...page });
    expect(explanation).toMatch(new RegExp(`^${named}, but this site is set up wrongly there`));
  });
});
