/** The content channel: what a page's content script says about its document. */
import type { Handlers } from '../../shared/messages.ts';
import type { createTabEvents } from '../tab-events.ts';

type PageEvents = Pick<ReturnType<typeof createTabEvents>, 'onPageReport' | 'onPageRestored'>;

export function createPageHandlers(events: PageEvents): Pick<Handlers, 'page/report' | 'page/restored'> {
  return {
    async 'page/report'(report, { tabId, url }) {
      await events.onPageReport(tabId, url, report);
    },
    async 'page/restored'({ status, document }, { tabId, url }) {
      await events.onPageRestored(tabId, url, status, document);
    },
  };
}
