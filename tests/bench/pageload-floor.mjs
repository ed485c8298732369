// The floor of bench:pageload: the production build's manifest (same permissions, same host access) with a service
// worker that listens to the same browser events as src/background/index.ts and does nothing with them. What it
// costs a page load is what the browser charges any extension that watches top-level responses this way (Chromium
// routes every request through its webRequest proxy once an extension holds the permission, and dispatches each
// event to the worker); what production costs above it is the extension's own work.
import fs from 'node:fs';
import path from 'node:path';

const LISTENERS_ONLY = `
const MAIN_FRAME = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] };
const HTTP_PAGES = { url: [{ schemes: ['http', 'https'] }] };
const ignore = () => {};
chrome.webRequest.onHeadersReceived.addListener(ignore, MAIN_FRAME, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(ignore, MAIN_FRAME);
chrome.webRequest.onBeforeRequest.addListener(ignore, MAIN_FRAME);
chrome.webNavigation.onCommitted.addListener(ignore, HTTP_PAGES);
chrome.webNavigation.onCompleted.addListener(ignore, HTTP_PAGES);
for (const event of ['onCreated', 'onRemoved', 'onUpdated', 'onActivated']) chrome.tabs[event].addListener(ignore);
chrome.runtime.onMessage.addListener(ignore);
`;

/** Copies the production build at `prod` to `dir` with its service worker replaced by bare listeners. */
export function buildFloor(prod, dir) {
  fs.cpSync(prod, dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, manifest.background.service_worker), LISTENERS_ONLY);
  return dir;
}
