/**
 * Test-only hooks, compiled in only when VITE_E2E=1 (see index.ts), reached through `globalThis.__culpritE2e`. No
 * headless browser can click a notification, so the E2E suite calls the very functions registered on
 * notifications.onClicked / onButtonClicked; and it can hold a site's header events until its page has reported
 * (e2e-header-hold.ts). Production builds do not contain this (tests/unit/production-bundle.test.ts).
 */
import type { HeaderHoldHooks } from './e2e-header-hold.ts';
import type { createNotificationClicks } from './notification-clicks.ts';

type Clicks = ReturnType<typeof createNotificationClicks>;
interface ClickEvents {
  onClicked: { hasListener(callback: Clicks['onClicked']): boolean };
  onButtonClicked?: { hasListener(callback: Clicks['onButtonClicked']): boolean };
}
export interface E2eHooks extends HeaderHoldHooks {
  clickNotification(id: string): Promise<void>;
  clickButton(id: string, index: number): Promise<void>;
}

export function exposeE2eHooks(scope: object, events: ClickEvents, clicks: Clicks, headerHold: HeaderHoldHooks): void {
  // Refusing when the function is not the registered listener keeps the hook from testing a copy of the wiring.
  const registered = (yes: boolean | undefined, name: string) => {
    if (!yes) throw new Error(`${name} is not the listener the browser calls`);
  };
  const hooks: E2eHooks = {
    ...headerHold,
    clickNotification(id) {
      registered(events.onClicked.hasListener(clicks.onClicked), 'onClicked');
      return clicks.onClicked(id);
    },
    clickButton(id, index) {
      registered(events.onButtonClicked?.hasListener(clicks.onButtonClicked), 'onButtonClicked');
      return clicks.onButtonClicked(id, index);
    },
  };
  Object.assign(scope, { __culpritE2e: hooks });
}
