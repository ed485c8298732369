/**
 * Every stored key, with its area, the shape its value must have and what is read when it is absent or damaged.
 * Nothing else names a storage key: code reads and writes these items through storage.ts, and per-tab keys are
 * families (`tabState(tabId)`), so cleaning up a tab or resuming a diagnosis lists keys the way they were written.
 *
 * storage.session holds what concerns open tabs and the last few minutes (gone when the browser closes);
 * storage.local what must outlive a restart; storage.sync the person's settings.
 */
import * as v from 'valibot';
import { HistoryEntrySchema } from '../../core/history/log.ts';
import { EMPTY_MEMORY, NotifyMemorySchema } from '../../core/notify/memory.ts';
import { StoredClientIdSchema } from '../../core/peer/client-id.ts';
import { TabStateSchema } from '../tab-state.ts';
import { family, item } from './item.ts';
import { settingsItem } from './settings-item.ts';
import {
  AnnouncedSchema,
  FailureRecordSchema,
  MainFrameResponseSchema,
  OpenNotificationSchema,
  PendingDiagnosisSchema,
  StoredPageSchema,
  TimesByNameSchema,
  validEntries,
  WatchesSchema,
} from './stored-shapes.ts';
import { SourcesSchema, StoredVerdictSchema } from './verdict-schema.ts';

/** Per tab, in storage.session; each family is dropped when its tab closes. */
export const tabKeys = {
  /** What the tab's page is: its URL, status and classification. */
  state: family('session', 'tab:', v.nullable(TabStateSchema), null),
  /** The tab's last main-frame response (status and capped headers), joined with the page's own report. */
  response: family('session', 'resp:', v.nullable(MainFrameResponseSchema), null),
  /** The page's own report of the tab's document (background/reading-merge.ts). */
  page: family('session', 'page-report:', v.nullable(StoredPageSchema), null),
  /** The verdict about the tab's page. */
  verdict: family('session', 'verdict:', v.nullable(StoredVerdictSchema), null),
  /** A diagnosis in flight, so a worker killed mid-way runs it again. */
  pendingDiagnosis: family('session', 'diag:', v.nullable(PendingDiagnosisSchema), null),
  /** Each source's state while a diagnosis runs, for the popup to fill in. */
  progress: family('session', 'progress:', v.nullable(SourcesSchema), null),
  /** The tab has been looked at, so a verdict about it may notify. */
  seen: family('session', 'seen:', v.boolean(), false),
  /** A notification held back because its tab was never looked at: the verdict's decidedAt. */
  notificationHeld: family('session', 'notify-held:', v.nullable(v.number()), null),
  /** The settled verdict whose effects (notification, history, peer report) were made. */
  announced: family('session', 'announced:', v.nullable(AnnouncedSchema), null),
  /** The counting key of the failing page whose redirect or popup started the tab's navigation chain. */
  chainRoot: family('session', 'chain:', v.nullable(v.string()), null),
  /** The notification the tab's verdict put up and that is still to be kept true. */
  notification: family('session', 'notify-open:', v.nullable(OpenNotificationSchema), null),
};

export const keys = {
  /** Failures seen on CDNs in the last minutes, for local correlation. */
  failures: item({ area: 'session', key: 'failures', schema: validEntries(FailureRecordSchema), fallback: [] }),
  /** When each site was last reported to the peer servers. */
  peerReported: item({ area: 'session', key: 'peer:reported', schema: TimesByNameSchema, fallback: {} }),
  /** The daily random id peer reports carry; it must outlive a browser restart within the day. */
  peerClientId: item({ area: 'local', key: 'peer:client', schema: v.nullable(StoredClientIdSchema), fallback: null }),
  /** When each notification dedupe key last went out, and the overall cap's state (core/notify/memory.ts). */
  notificationsSent: item({ area: 'local', key: 'notify:sent', schema: NotifyMemorySchema, fallback: EMPTY_MEMORY }),
  /** The incident log, oldest first. */
  history: item({ area: 'local', key: 'history', schema: validEntries(HistoryEntrySchema), fallback: [] }),
  /**
   * Hosts with an open incident, kept apart from the log: every normal page load asks "was this host failing?", and
   * that must cost one small read, not parsing 500 entries.
   */
  historyOpen: item({ area: 'local', key: 'history:open', schema: v.array(v.string()), fallback: [] }),
  /** "Tell me when it's back": the watches by host. */
  watches: item({ area: 'local', key: 'watches', schema: WatchesSchema, fallback: {} }),
  /** The person's settings (settings-item.ts). */
  settings: settingsItem,
};
