/**
 * Automatic notifications, made only from settled verdicts (verdict-life-cycle.ts). The policy (core/notify/policy.ts)
 * and the overall cap (core/notify/cap.ts) decide; this module keeps their memory in storage (the dedupe map and the
 * cap in storage.local; which tabs were seen and what
 * each tab's notification says in storage.session, all outliving the worker), shows the notification in the chosen
 * language, and keeps it true: a later verdict for the tab updates or clears it. Firefox has no notification
 * buttons, so there the actions live only on the page a click opens (popup.html?tab=ID).
 */
import type { Message, Verdict } from '../core/diagnose/types.ts';
import { admit, afterAdmit, summaryCount } from '../core/notify/cap.ts';
import { displaySite } from '../core/notify/display.ts';
import { decideNotification, notificationText, recordSent } from '../core/notify/policy.ts';
import { createKeyedQueue } from '../core/serial-queue.ts';
import type { Watch } from '../core/watch/schedule.ts';
import { formatMessage, t } from '../shared/i18n.ts';
import type { Settings } from '../shared/settings.ts';
import { keys, tabKeys } from '../shared/storage/keys.ts';
import { entry, type TypedStorage } from '../shared/storage/storage.ts';
import type { OpenNotification } from '../shared/storage/stored-shapes.ts';
import type { TabState } from '../shared/tab-state.ts';
import { backNotificationId, SUMMARY_NOTIFICATION_ID, verdictNotificationId } from './notification-ids.ts';

interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: Array<{ title: string }>;
}

export interface NotifierDeps {
  storage: TypedStorage;
  notifications: {
    create(id: string, options: NotificationOptions): Promise<unknown>;
    clear(id: string): Promise<unknown>;
  };
  isTabActive: (tabId: number) => Promise<boolean>;
  /** The tab's verdict and state now, to check a held-back notification still applies. */
  current: (tabId: number) => Promise<{ verdict: Verdict | null; state: TabState | null }>;
  settings: () => Promise<Settings>;
  applyLanguage: (language: Settings['language']) => Promise<unknown>;
  iconUrl: string;
  /** False on Firefox, which rejects `buttons`. */
  withButtons: boolean;
  now: () => number;
}

const sameText = (a: { headline: Message; explanation: Message }, b: { headline: Message; explanation: Message }) =>
  JSON.stringify([a.headline, a.explanation]) === JSON.stringify([b.headline, b.explanation]);

/** The open notification already says what this verdict would, in either of the ways it may be put. */
const saysTheSame = (open: OpenNotification, verdict: Verdict) =>
  sameText(open, notificationText(verdict, 'error')) || sameText(open, notificationText(verdict, 'cdn-wide'));

/** The dedupe map without the keys an open notification recorded (those still carrying its time). */
const withoutKeys = (sent: Readonly<Record<string, number>>, open: OpenNotification) =>
  Object.fromEntries(Object.entries(sent).filter(([key, at]) => !(open.keys.includes(key) && at === open.at)));

export function createNotifier(deps: NotifierDeps) {
  /** Verdicts settling together read and write the same memory; the cap holds only if they take turns. */
  const queue = createKeyedQueue<'memory'>();

  async function show(id: string, title: string, message: string, buttons: string[] = []) {
    await deps.notifications.create(id, {
      type: 'basic',
      iconUrl: deps.iconUrl,
      title,
      message,
      ...(deps.withButtons && buttons.length > 0 && { buttons: buttons.map((b) => ({ title: b })) }),
    });
  }

  async function withdrawOpen(tabId: number) {
    await deps.notifications.clear(verdictNotificationId(tabId));
    await deps.storage.remove(tabKeys.notification(tabId));
  }

  /**
   * The tab's verdict, settled: notify if the policy says so, and keep what the tab's earlier verdict put up true.
   * That notification is left when it says the same, replaced when this verdict earns one of its own (the keys it
   * recorded do not count as "already announced" against the verdict that replaces it), and cleared otherwise.
   */
  async function consider(tabId: number, verdict: Verdict, state: TabState, seen: boolean) {
    const settings = await deps.settings();
    const [memory, open] = await Promise.all([
      deps.storage.read(keys.notificationsSent),
      deps.storage.read(tabKeys.notification(tabId)),
    ]);
    if (open && saysTheSame(open, verdict)) return;
    const now = deps.now();
    const decision = decideNotification({
      verdict,
      host: state.host,
      unconfirmed: state.detection?.unconfirmed ?? false,
      seen,
      mode: settings.notifications,
      sent: open ? withoutKeys(memory.sent, open) : memory.sent,
      now,
    });
    if (!decision.notify) {
      if (decision.reason === 'unseen') await deps.storage.write(tabKeys.notificationHeld(tabId), verdict.decidedAt);
      if (open) await withdrawOpen(tabId);
      return;
    }
    const gate = admit(memory.cap, now);
    const cap = afterAdmit(memory.cap, gate, now);
    if (gate !== 'show') {
      // Past the cap: the site is in the history, and at most one summary points there.
      if (open) await withdrawOpen(tabId);
      await deps.storage.write(keys.notificationsSent, { sent: memory.sent, cap });
      if (gate === 'summary') await showSummary(summaryCount(memory.cap, now), settings.language);
      return;
    }
    const text = notificationText(verdict, decision.kind);
    await deps.storage.writeAll(
      entry(keys.notificationsSent, { sent: recordSent(memory.sent, decision.keys, now), cap }),
      entry(tabKeys.notification(tabId), { host: state.host, ...text, keys: decision.keys, at: now }),
    );
    await deps.applyLanguage(settings.language);
    await show(verdictNotificationId(tabId), formatMessage(text.headline), formatMessage(text.explanation), [
      t('notify_watch'),
    ]);
  }

  async function showSummary(count: number, language: Settings['language']) {
    await deps.applyLanguage(language);
    await show(SUMMARY_NOTIFICATION_ID, t('notify_summaryTitle', { count }), t('notify_summaryMessage'));
  }

  /** A settled verdict for the tab's current page. */
  async function onVerdict(tabId: number, verdict: Verdict, state: TabState) {
    const seen = (await deps.storage.read(tabKeys.seen(tabId))) || (await deps.isTabActive(tabId).catch(() => false));
    await queue.run('memory', () => consider(tabId, verdict, state, seen));
  }

  /** tabs.onActivated: the tab is seen from now on, and a notification held back for it may go out now. */
  async function onActivated(tabId: number) {
    const held = await deps.storage.read(tabKeys.notificationHeld(tabId));
    await deps.storage.write(tabKeys.seen(tabId), true);
    if (held === null) return;
    await deps.storage.remove(tabKeys.notificationHeld(tabId));
    const { verdict, state } = await deps.current(tabId);
    if (verdict && state && verdict.decidedAt === held)
      await queue.run('memory', () => consider(tabId, verdict, state, true));
  }

  /** The tab shows `host` working: a notification it put up about that host is no longer true. */
  async function withdraw(tabId: number, host: string) {
    const open = await deps.storage.read(tabKeys.notification(tabId));
    if (open?.host === host) await withdrawOpen(tabId);
  }

  const forget = (tabId: number) =>
    deps.storage.remove(tabKeys.seen(tabId), tabKeys.notificationHeld(tabId), tabKeys.notification(tabId));

  /**
   * The person asked to be told; this goes out whatever the automatic-notification setting says. It names the site as
   * a verdict notification does, since the host name is still the site's choice.
   */
  async function notifyBack(watch: Watch) {
    await deps.applyLanguage((await deps.settings()).language);
    const host = displaySite(watch.host);
    await show(backNotificationId(watch), t('notify_backTitle', { host }), t('notify_backMessage', { host }));
  }

  return { onVerdict, onActivated, withdraw, forget, notifyBack };
}

export type Notifier = ReturnType<typeof createNotifier>;
