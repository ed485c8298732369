/**
 * The radar page's words in English and Korean. The page runs outside the extension, so it cannot use browser.i18n
 * and the extension's messages.json; the type makes both languages carry every message with the same parameters.
 */
import type { OutageState } from '../../src/core/peer/wire.ts';
import { MIN_PUBLISHED_SITES } from '../../src/core/radar/privacy-floor.ts';
import { REFRESH_MS } from './use-radar.ts';

const EVERY_S = REFRESH_MS / 1000;

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Messages {
  title: string;
  intro: string;
  /** The other language's name, in that language: what the toggle switches to. */
  otherLanguage: string;
  switchLanguage: string;
  refresh: string;
  loading: string;
  updatedAt: (time: string) => string;
  failedAt: (time: string) => string;
  staleSince: (time: string) => string;
  nothingYet: string;
  state: Record<OutageState, string>;
  sites15: (count: number) => string;
  quiet: string;
  chart: (vendor: string, points: string) => string;
  hourAgo: string;
  now: string;
  colosHeading: string;
  colo: (colo: string, state: string, count: number) => string;
  noColos: string;
  moreColos: (count: number) => string;
  about: string;
  api: string;
}

/** Failing sites are weighted by kind (an origin error counts half), so a count can have one decimal. */
const numberIn = (language: Language) => {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return (count: number) => format.format(count);
};
const enCount = numberIn('en');
const koCount = numberIn('ko');

const en: Messages = {
  title: 'CDN radar',
  intro:
    'Which CDNs fail for people right now, added up from the error pages that Culprit users report. ' +
    'It counts failing sites, each once however many people report it, and never names one.',
  otherLanguage: '한국어',
  switchLanguage: 'Show this page in Korean',
  refresh: 'Refresh now',
  loading: 'Loading…',
  updatedAt: (time) => `Updated at ${time}; refreshes every ${EVERY_S} seconds.`,
  failedAt: (time) => `Could not reach the radar at ${time}.`,
  staleSince: (time) => `The figures below are from ${time} and may be out of date.`,
  nothingYet: `No figures to show yet: the radar has not answered. It is asked again every ${EVERY_S} seconds.`,
  state: { normal: 'Normal', elevated: 'Elevated', outage: 'Outage' },
  sites15: (count) => (count === 1 ? '1 failing site in 15 minutes' : `${enCount(count)} failing sites in 15 minutes`),
  quiet: `Fewer than ${MIN_PUBLISHED_SITES} failing sites reported in the last hour.`,
  chart: (vendor, points) => `Failing sites on ${vendor} over the last hour, every 5 minutes: ${points}`,
  hourAgo: '60 min ago',
  now: 'now',
  colosHeading: 'Data centres',
  colo: (colo, state, count) => `${colo}: ${state}, ${enCount(count)} ${count === 1 ? 'site' : 'sites'}`,
  noColos: 'No data centre has enough reports to be shown.',
  moreColos: (count) => `and ${enCount(count)} more`,
  about:
    `Outage: many more sites failing than usual at this time of day; elevated: clearly more. A CDN's figures and a ` +
    `data centre are shown only when at least ${MIN_PUBLISHED_SITES} sites from 3 networks stand behind them.`,
  api: 'The same figures as JSON (OpenAPI)',
};

const ko: Messages = {
  title: 'CDN 레이더',
  intro:
    'Culprit 사용자가 신고한 오류 페이지를 모아, 지금 어느 CDN이 실패하고 있는지 보여 줘요. ' +
    '실패한 사이트를 몇 명이 신고하든 한 번만 세고, 사이트 이름은 절대 밝히지 않아요.',
  otherLanguage: 'English',
  switchLanguage: '이 페이지를 영어로 보기',
  refresh: '지금 새로 고침',
  loading: '불러오는 중…',
  updatedAt: (time) => `${time}에 업데이트됨, ${EVERY_S}초마다 새로 고쳐요.`,
  failedAt: (time) => `${time}에 레이더에 연결하지 못했어요.`,
  staleSince: (time) => `아래 수치는 ${time} 기준이라 지금과 다를 수 있어요.`,
  nothingYet: `아직 보여 줄 수치가 없어요. 레이더가 응답하지 않았어요. ${EVERY_S}초마다 다시 물어봐요.`,
  state: { normal: '정상', elevated: '증가', outage: '장애' },
  sites15: (count) => `15분 동안 실패한 사이트 ${koCount(count)}곳`,
  quiet: `지난 한 시간 동안 신고된 실패 사이트가 ${MIN_PUBLISHED_SITES}곳 미만이에요.`,
  chart: (vendor, points) => `지난 한 시간 동안 5분마다 본 ${vendor}의 실패한 사이트 수: ${points}`,
  hourAgo: '60분 전',
  now: '지금',
  colosHeading: '데이터 센터',
  colo: (colo, state, count) => `${colo}: ${state}, 사이트 ${koCount(count)}곳`,
  noColos: '보여 줄 만큼 신고가 모인 데이터 센터가 없어요.',
  moreColos: (count) => `외 ${koCount(count)}곳`,
  about:
    `장애: 이 시간대 평소보다 훨씬 많은 사이트가 실패, 증가: 눈에 띄게 많음. CDN의 수치와 데이터 센터는 ` +
    `네트워크 3곳 이상에서 온 사이트 ${MIN_PUBLISHED_SITES}곳 이상이 있을 때만 보여요.`,
  api: '같은 수치를 JSON으로 (OpenAPI)',
};

export const MESSAGES: Record<Language, Messages> = { en, ko };

/**
 * The first of the reader's languages that the page speaks, else English.
 * @example pickLanguage(['ko-KR', 'en-US']) // 'ko'
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return 'en';
}
