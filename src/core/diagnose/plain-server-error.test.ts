// A main-frame 5xx with no CDN in front, through every layer after detection: the classifier's answer, the page facts
// the diagnosis reads, the verdict, its evidence, the notification policy and the peer report.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { aTabState, someFacts } from '../../../tests/support/builders.ts';
import { pageFactsOf } from '../../background/diagnosis.ts';
import { classify } from '../detect/index.ts';
import type { Platform } from '../detect/types.ts';
import { decideNotification } from '../notify/policy.ts';
import { reportFor } from '../peer/report-policy.ts';
import { ReportSchema } from '../peer/wire.ts';
import { decide } from './decide.ts';
import type { Facts, PageFacts } from './types.ts';

const NOW = Date.UTC(2026, 2, 3, 9, 0);
const NGINX_502 = {
  title: '502 Bad Gateway',
  text: '502 Bad Gateway nginx/1.25.3',
  ids: [],
  classes: [],
  resources: [],
  inlineScript: '',
  errorSourceId: null,
  isPlainText: false,
};

/** The page of a site with no CDN, failing with `code`; our own re-fetch fails the same way unless told otherwise. */
const plainFacts = (page: Partial<PageFacts>, origin: Facts['probes']['origin'] = 'origin-error') =>
  someFacts({
    host: 'shop.example',
    page: { kind: 'origin-error', vendor: null, code: 502, ...page },
    probes: { origin, connectivity: { ok: 2, failed: 0 } },
  });

const notifyInput = (facts: Facts) => ({
  verdict: decide(facts, NOW),
  host: facts.host,
  unconfirmed: false,
  seen: true,
  mode: 'errors' as const,
  sent: {},
  now: NOW,
});

describe('a plain 5xx with no CDN', () => {
  it("nginx's 502 is read as the site's own failure, and the platform reaches the page facts", () => {
    const detection = classify({
      url: 'https://shop.example/',
      status: 502,
      headers: [['server', 'nginx/1.25.3']],
      page: NGINX_502,
    });
    expect(detection).toMatchObject({ vendor: null, kind: 'origin-error', code: 502, platform: 'nginx' });
    const page = pageFactsOf(aTabState({ status: 502, kind: detection.kind, detection }));
    expect(page).toMatchObject({ kind: 'origin-error', vendor: null, code: 502, platform: 'nginx' });
  });

  it.each([502, 503, 500, 504, 599])('any %i is the site: row site-server', (code) => {
    const verdict = decide(plainFacts({ code }), NOW);
    expect(verdict).toMatchObject({
      culprit: 'site',
      vendor: null,
      rule: 'site-server',
      acknowledged: 'not-applicable',
    });
    expect(verdict.explanation.key).toBe('explain_siteServer');
  });

  it.each<[Platform, string]>([
    ['nginx', 'ev_platformServer'],
    ['iis', 'ev_platformServer'],
    ['envoy', 'ev_platformProxy'],
    ['aws-elb', 'ev_platformProxy'],
    ['aws-api-gateway', 'ev_platformProxy'],
    ['heroku', 'ev_platformHost'],
    ['render', 'ev_platformHost'],
    ['fly', 'ev_platformHost'],
    ['google-app-engine', 'ev_platformHost'],
  ])('the evidence names %s (%s)', (platform, key) => {
    const verdict = decide(plainFacts({ platform, code: 503 }), NOW);
    expect(verdict.evidence.find((item) => item.source === 'page')?.observed).toEqual({
      key,
      params: { platform, code: 503 },
    });
  });

  it("with no platform named, the evidence is the site's own page, never an empty vendor", () => {
    const verdict = decide(plainFacts({}), NOW);
    expect(verdict.evidence.find((item) => item.source === 'page')?.observed).toEqual({
      key: 'ev_pageOwn',
      params: { kind: 'origin-error', code: 502 },
    });
    expect(verdict.explanation.params).toMatchObject({ vendor: '' });
  });

  it("a platform stands in for the vendor in the texts of a platform's configuration page", () => {
    const facts = plainFacts({ kind: 'site-config', code: 404, platform: 'heroku' });
    expect(decide(facts, NOW).explanation).toEqual({
      key: 'explain_siteConfig',
      params: { host: 'shop.example', vendor: 'heroku', colo: '', platform: 'heroku' },
    });
  });

  it('our own failing re-fetch makes it surer than the page alone', () => {
    expect(decide(plainFacts({}), NOW).confidence).toBeGreaterThan(decide(plainFacts({}, 'ok'), NOW).confidence);
  });

  it('notifies like any corroborated site failure, and only when corroborated', () => {
    expect(decideNotification(notifyInput(plainFacts({ platform: 'heroku', code: 503 })))).toEqual({
      notify: true,
      kind: 'error',
      keys: ['site:shop.example'],
    });
    expect(decideNotification(notifyInput(plainFacts({}, 'ok')))).toEqual({ notify: false, reason: 'uncorroborated' });
  });

  it('is reported as an origin error with vendor "unknown", which the server\'s schema accepts', () => {
    const facts = plainFacts({ code: 503, platform: 'nginx' });
    const report = reportFor(decide(facts, NOW), facts.page);
    expect(report).toEqual({ kind: 'origin-error', vendor: 'unknown', code: 503 });
    const body = { ...report, hostHash: 'a'.repeat(64), clientId: 'b'.repeat(22) };
    expect(v.safeParse(ReportSchema, body).success).toBe(true);
  });
});
