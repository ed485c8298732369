// The floor of bench:pageload: the production build's manifest (same permissions, same host access) with a service
// worker that listens to the same browser events as src/background/index.ts and does nothing with them. What it
// costs a page load is what the browser charges any extension that watches top-level responses this way (Chromium
// routes every request through its webRequest proxy once an extension holds the permission, and dispatches each
// event to the worker); what production costs above it is the extension's own work.
import { buildVariant } from './build-variant.mjs';

const WEB_REQUEST_LISTENERS = `
const MAIN_FRAME = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] };
chrome.webRequest.onHeadersReceived.addListener(ignore, MAIN_FRAME, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(ignore, MAIN_FRAME);
chrome.webRequest.onBeforeRequest.addListener(ignore, MAIN_FRAME);
`;

const OTHER_LISTENERS = `
const HTTP_PAGES = { url: [{ schemes: ['http', 'https'] }] };
chrome.webNavigation.onCommitted.addListener(ignore, HTTP_PAGES);
chrome.webNavigation.onCompleted.addListener(ignore, HTTP_PAGES);
for (const event of ['onCreated', 'onRemoved', 'onUpdated', 'onActivated']) chrome.tabs[event].addListener(ignore);
chrome.runtime.onMessage.addListener(ignore);
`;

/**
 * Copies the production build at `prod` to `dir` with its service worker replaced by bare listeners. Without
 * `webRequest`, the permission and its listeners are left out: what is left is what the other events cost.
 */
export function buildFloor(prod, dir, { webRequest }) {
  return buildVariant(prod, dir, {
    manifest: (m) => {
      if (!webRequest) m.permissions = m.permissions.filter((p) => p !== 'webRequest');
    },
    worker: () => `const ignore = () => {};\n${webRequest ? WEB_REQUEST_LISTENERS : ''}${OTHER_LISTENERS}`,
  });
}
