/**
 * Test-only hooks, compiled in only when VITE_E2E=1 (see index.ts): no headless browser can click a notification,
 * so the E2E suite calls the very functions registered on notifications.onClicked / onButtonClicked, through
 * `globalThis.__culpritE2e`. Production builds do not contain this (tests/unit/production-bundle.test.ts).
 */
import type { createNotificationClicks } from './notification-clicks.ts';

type Clicks = ReturnType<typeof createNotificationClicks>;
interface ClickEvents {
  onClicked: { hasListener(callback: Clicks['onClicked']): boolean };
  onButtonClicked?: { hasListener(callback: Clicks['onButtonClicked']): boolean };
}
export interface E2eHooks {
  clickNotification(id: string): Promise<void>;
  clickButton(id: string, index: number): Promise<void>;
}

export function exposeNotificationClicks(scope: object, events: ClickEvents, clicks: Clicks): void {
  // Refusing when the function is not the registered listener keeps the hook from testing a copy of the wiring.
  const registered = (yes: boolean | undefined, name: string) => {
    if (!yes) throw new Error(`${name} is not the listener the browser calls`);
  };
  const hooks: E2eHooks = {
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
