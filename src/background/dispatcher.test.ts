import { describe, expect, it, type Mock, vi } from 'vitest';
import type { Runtime } from '../shared/browser.ts';
import { type Handlers, type MessageType, ROUTES, type RequestOf } from '../shared/messages.ts';
import { createDispatcher } from './dispatcher.ts';
import { aPageReport, somePageMarkers } from '../../tests/support/builders.ts';

const markers = somePageMarkers();
const report = aPageReport({ markers, status: 403 });
const restored = { status: 200, document: { startedAt: 5000, shownAt: 5000 } };
/** A payload every route accepts. */
const VALID: { [K in MessageType]: RequestOf<K> } = {
  'page/report': report,
  'page/restored': restored,
  'tab/get': { tabId: 3 },
  'tab/check': { tabId: 3 },
  'peer/status': { tabId: 3 },
  'peer/report': { tabId: 3 },
  'watch/start': { tabId: 3 },
  'watch/cancel': { host: 'shop.example' },
  'watch/list': {},
  'history/list': {},
  'history/clear': {},
  'e2e/open': { path: 'popup.html?tab=self' },
};
const TYPES = Object.keys(ROUTES) as MessageType[];
const EXTENSION_TYPES = TYPES.filter((type) => ROUTES[type].channel === 'extension');
const CONTENT_TYPES = TYPES.filter((type) => ROUTES[type].channel === 'content');

type Sender = Runtime.MessageSender;
type Tab = NonNullable<Sender['tab']>;
const tab = (id: number) => ({ id }) as Tab; // the dispatcher reads only the id
/** A content script in the top frame of a web page in tab 9. */
const pageSender = (over: { [K in keyof Sender]?: Sender[K] | undefined } = {}) =>
  ({ id: 'ext', tab: tab(9), frameId: 0, url: 'https://a.example/', ...over }) as Sender;
const popupSender: Sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const historyTabSender: Sender = { id: 'ext', tab: tab(5), frameId: 0, url: 'chrome-extension://ext/history.html' };

function setup() {
  const handlers = Object.fromEntries(TYPES.map((type) => [type, vi.fn(async () => `answer to ${type}`)]));
  const onRefused = vi.fn();
  let now = 0;
  const dispatch = createDispatcher(handlers as unknown as Handlers, {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    now: () => now,
    onRefused,
  });
  const handler = (type: MessageType) => handlers[type] as Mock;
  return { dispatch, handler, onRefused, advance: (ms: number) => void (now += ms) };
}

const refused = (reason: string) => ({ error: 'refused', reason });

describe('extension channel', () => {
  it.each(EXTENSION_TYPES)('%s from a content script is refused with the typed error', async (type) => {
    const { dispatch, handler, onRefused } = setup();
    await expect(dispatch({ type, payload: VALID[type] }, pageSender())).resolves.toEqual(refused('channel'));
    expect(handler(type)).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith(type, 'channel', pageSender());
  });

  it.each(EXTENSION_TYPES)('%s from the popup reaches its handler with the typed request', async (type) => {
    const { dispatch, handler } = setup();
    await expect(dispatch({ type, payload: VALID[type] }, popupSender)).resolves.toBe(`answer to ${type}`);
    expect(handler(type)).toHaveBeenCalledWith(VALID[type], { tabId: null, url: popupSender.url });
  });

  it('answers one of our pages open in a tab, with its tab', async () => {
    const { dispatch, handler } = setup();
    await dispatch({ type: 'history/list', payload: {} }, historyTabSender);
    expect(handler('history/list')).toHaveBeenCalledWith({}, { tabId: 5, url: historyTabSender.url });
  });

  it('refuses another extension', async () => {
    const { dispatch } = setup();
    const other = { ...popupSender, id: 'other' };
    await expect(dispatch({ type: 'tab/get', payload: { tabId: 3 } }, other)).resolves.toEqual(refused('channel'));
  });

  it.each([
    ['tab/get', { tabId: -1 }],
    ['tab/check', { tabId: 1.5 }],
    ['watch/start', { tabId: '4' }],
    ['watch/cancel', { host: '' }],
    ['history/clear', { all: true }],
    ['watch/list', null],
  ])('%s with the payload %j is refused', async (type, payload) => {
    const { dispatch, handler } = setup();
    await expect(dispatch({ type, payload }, popupSender)).resolves.toEqual(refused('payload'));
    expect(handler(type as MessageType)).not.toHaveBeenCalled();
  });
});

describe('content channel', () => {
  it.each(CONTENT_TYPES)('%s from a top frame reaches its handler with the tab and URL', async (type) => {
    const { dispatch, handler } = setup();
    await dispatch({ type, payload: VALID[type] }, pageSender());
    expect(handler(type)).toHaveBeenCalledWith(VALID[type], { tabId: 9, url: 'https://a.example/' });
  });

  const strangers: [string, Sender][] = [
    ['a sub-frame', pageSender({ frameId: 3 })],
    ['no tab', pageSender({ tab: undefined })],
    ['a file: URL', pageSender({ url: 'file:///tmp/page.html' })],
    ['an about: URL', pageSender({ url: 'about:blank' })],
    ['no URL', pageSender({ url: undefined })],
    ['one of our pages', historyTabSender],
    ['the popup', popupSender],
    ['another extension', pageSender({ id: 'other' })],
  ];
  it.each(CONTENT_TYPES.flatMap((type) => strangers.map(([who, sender]) => [type, who, sender] as const)))(
    '%s from %s is refused',
    async (type, _, sender) => {
      const { dispatch, handler } = setup();
      await expect(dispatch({ type, payload: VALID[type] }, sender)).resolves.toEqual(refused('channel'));
      expect(handler(type)).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['page/report', 'garbage', 'x'],
    ['page/report', 'an oversized title', { ...report, markers: { ...markers, title: 'x'.repeat(5000) } }],
    ['page/report', 'an extra field', { ...report, evil: true }],
    ['page/report', 'a wrong type', { ...report, status: '500' }],
    ['page/restored', 'an extra field', { ...restored, tabId: 1 }],
    ['page/restored', 'a status out of range', { ...restored, status: 70_000 }],
    ['page/restored', 'no document', { status: 200 }],
    ['page/report', 'a document time that is not a time', { ...report, document: { startedAt: -1, shownAt: 0.5 } }],
    ['e2e/open', 'a web URL', { path: 'https://evil.example/' }],
  ])('%s with %s is refused', async (type, _, payload) => {
    const { dispatch, handler } = setup();
    await expect(dispatch({ type, payload }, pageSender())).resolves.toEqual(refused('payload'));
    expect(handler(type as MessageType)).not.toHaveBeenCalled();
  });

  it('rate-limits a flood from one tab but not other tabs, and refills', async () => {
    const { dispatch, handler, advance } = setup();
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push(await dispatch({ type: 'page/report', payload: report }, pageSender()));
    expect(handler('page/report')).toHaveBeenCalledTimes(8);
    expect(answers.at(-1)).toEqual(refused('rate-limit'));
    await dispatch({ type: 'page/report', payload: report }, pageSender({ tab: tab(10) }));
    expect(handler('page/report')).toHaveBeenCalledTimes(9);
    advance(2000);
    await dispatch({ type: 'page/report', payload: report }, pageSender());
    expect(handler('page/report')).toHaveBeenCalledTimes(10);
  });

  it('restores share the page-report limit, so a page cannot wipe its state in a loop', async () => {
    const { dispatch, handler } = setup();
    for (let i = 0; i < 50; i++)
      await dispatch({ type: 'page/restored', payload: { ...restored, status: null } }, pageSender());
    await dispatch({ type: 'page/report', payload: report }, pageSender());
    expect(handler('page/restored')).toHaveBeenCalledTimes(8);
    expect(handler('page/report')).not.toHaveBeenCalled();
  });
});

describe('the listener', () => {
  it.each([
    ['an unknown type', { type: 'tab/steal', payload: {} }],
    ['a prototype key', { type: 'constructor', payload: {} }],
    ['no envelope', 'page/report'],
    ['null', null],
  ])('leaves %s unanswered (undefined, not a Promise)', (_, message) => {
    const { dispatch, onRefused } = setup();
    expect(dispatch(message, popupSender)).toBeUndefined();
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('refuses a test-only route that has no handler in this build', async () => {
    const handlers = Object.fromEntries(TYPES.filter((t) => t !== 'e2e/open').map((t) => [t, vi.fn()]));
    const dispatch = createDispatcher(handlers as unknown as Handlers, {
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext',
      now: () => 0,
    });
    await expect(dispatch({ type: 'e2e/open', payload: VALID['e2e/open'] }, pageSender())).resolves.toEqual(
      refused('unavailable'),
    );
  });

  it("passes a handler's failure on to the sender", async () => {
    const { dispatch, handler } = setup();
    handler('tab/get').mockRejectedValueOnce(new Error('storage gone'));
    await expect(dispatch({ type: 'tab/get', payload: { tabId: 3 } }, popupSender)).rejects.toThrow('storage gone');
  });
});
