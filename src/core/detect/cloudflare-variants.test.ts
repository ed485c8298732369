/**
 * Cloudflare's error, Access and sign-in pages across what must not matter: template era, language, leftover
 * `cf-error-NNN` classes, whitespace, attribute order and tag case. The code always comes from what the page shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aRendering, classifyHtml, PROSE, render } from '../../../tests/support/page-variants.ts';

const HEADERS = ['server: cloudflare', 'cf-ray: 8f1e2d3c4b5a6978-ICN'];
const RUNS = { numRuns: 60 };

/** Codes with the box the template marks for them (host for 52x, none for 1xxx). */
const FAMILIES = [
  { code: 520, box: 'cf-host-status', kind: 'origin-error' },
  { code: 521, box: 'cf-host-status', kind: 'origin-error' },
  { code: 522, box: 'cf-host-status', kind: 'origin-error' },
  { code: 523, box: 'cf-host-status', kind: 'origin-error' },
  { code: 524, box: 'cf-host-status', kind: 'origin-error' },
  { code: 525, box: 'cf-host-status', kind: 'origin-error' },
  { code: 526, box: 'cf-host-status', kind: 'origin-error' },
  { code: 500, box: 'cf-cloudflare-status', kind: 'edge-error' },
  { code: 502, box: 'cf-host-status', kind: 'origin-error' },
  { code: 1005, box: null, kind: 'blocked' },
  { code: 1006, box: null, kind: 'blocked' },
  { code: 1010, box: null, kind: 'blocked' },
  { code: 1015, box: null, kind: 'blocked' },
  { code: 1020, box: null, kind: 'blocked' },
  { code: 1001, box: null, kind: 'site-config' },
  { code: 1016, box: null, kind: 'site-config' },
  { code: 1033, box: null, kind: 'site-config' },
  { code: 1101, box: null, kind: 'origin-error' },
] as const;

const BOXES = ['cf-browser-status', 'cf-cloudflare-status', 'cf-host-status'];

function statusBoxes(marked: string | null): string {
  return BOXES.map(
    (id) => `<div id="${id}" class="${id === marked ? 'cf-error-source ' : ''}relative w-1/3"></div>`,
  ).join('');
}

/** The 2020+ template (title `host | code: text`, "Error code N") or the older one (`cf-error-code` span). */
function errorPage(code: number, box: string | null, era: 'current' | 'old', leftover: number | null, prose: string) {
  const leftoverClass = leftover === null ? '' : ` cf-error-${leftover}`;
  if (era === 'current') {
    return `<!DOCTYPE html><html lang="en-US"><head><title>shop.example | ${code}: Something went wrong</title>
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css"></head><body><div id="cf-wrapper">
<div id="cf-error-details" class="p-0${leftoverClass}"><header>
<h1><span class="inline-block">Something went wrong</span> <span class="code-label">Error code ${code}</span></h1>
</header><div class="my-8">${statusBoxes(box)}</div>
<section><p>${prose}</p></section></div></div></body></html>`;
  }
  return `<!DOCTYPE html><html lang="en-US"><head><title>Error ${code} | shop.example | Cloudflare</title>
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/cf.errors.css"></head><body><div id="cf-wrapper">
<div id="cf-error-details" class="cf-error-details-wrapper${leftoverClass}"><div class="cf-wrapper cf-error-overview">
<h1><span class="cf-error-type">Error</span> <span class="cf-error-code">${code}</span></h1></div>
<div class="cf-columns">${statusBoxes(box)}</div><p>${prose}</p></div></div></body></html>`;
}

describe('Cloudflare error families', () => {
  it('reads the code the page shows and its kind, whatever the era, leftovers and rendering', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILIES),
        fc.constantFrom('current' as const, 'old' as const),
        fc.option(fc.constantFrom(500, 521, 522, 1020, 1033), { nil: null }),
        fc.constantFrom(...PROSE),
        aRendering,
        (family, era, leftover, prose, rendering) => {
          const html = render(errorPage(family.code, family.box, era, leftover, prose), rendering);
          const status = family.code >= 1000 ? (family.kind === 'blocked' ? 403 : 530) : family.code;
          const detection = classifyHtml(html, { status, headers: HEADERS });
          expect(detection).toMatchObject({ vendor: 'cloudflare', kind: family.kind, code: family.code });
        },
      ),
      RUNS,
    );
  });
});

const DENIALS = [
  ['Forbidden', 'You do not have permission to view this page.'],
  ['Forbidden', "You don't have permission to view this application."],
  ['Access denied', 'That account does not have access to admin.example.'],
] as const;

describe('Cloudflare Access and Zero Trust', () => {
  it('reads an Access denial on the error template as blocked, never as the leftover 5xx', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DENIALS),
        fc.constantFrom(520, 522, 526, 1033),
        fc.constantFrom('Forbidden | Cloudflare Access', 'Access denied', 'admin.example | Cloudflare'),
        aRendering,
        ([heading, sentence], leftover, title, rendering) => {
          const html = `<!DOCTYPE html><html><head><title>${title}</title>
<link rel="stylesheet" href="/cdn-cgi/styles/main.css"></head><body><div id="cf-wrapper">
<div id="cf-error-details" class="cf-error-${leftover} p-0"><h1><span class="inline-block">${heading}</span></h1>
<h2>${sentence}</h2><div class="cf-error-footer">Cloudflare Ray ID: 0f1e2d3c4b5a6978</div></div></div></body></html>`;
          const detection = classifyHtml(render(html, rendering), { status: 403, headers: HEADERS });
          expect(detection).toMatchObject({ vendor: 'cloudflare', kind: 'blocked', code: 403 });
        },
      ),
      RUNS,
    );
  });

  it('reads the Access sign-in page as blocked, whatever separator or decoding its title has', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Sign in ・ Cloudflare Access', 'Sign in · Cloudflare Access', 'Sign in ã» Cloudflare Access'),
        fc.boolean(),
        fc.constantFrom('team', 'acme-corp', 'x1'),
        aRendering,
        (title, hasCodeForm, team, rendering) => {
          const form = hasCodeForm
            ? `<form class="AuthFormLogin" method="POST"
action="https://${team}.cloudflareaccess.com/cdn-cgi/access/verify-code/app.example"><input type="email"></form>`
            : '<a class="Button" href="https://accounts.google.example/o/oauth2/auth">Google</a>';
          const html = `<!DOCTYPE html><html><head><title>${title}</title></head><body><div class="AuthBox">
<div class="App-name">app.example</div>${form}</div></body></html>`;
          expect(classifyHtml(render(html, rendering), { status: 200 })).toMatchObject({
            vendor: 'cloudflare',
            kind: 'blocked',
          });
        },
      ),
      RUNS,
    );
  });
});
