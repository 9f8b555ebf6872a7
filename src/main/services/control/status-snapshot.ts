import type { DataView, SyncStatus } from '../../../shared/entities';
import { trackedTotals } from '../../../shared/time-totals';
import { trayTimer } from '../desktop/tray-timer';
import { placeOfEntry, runningEntry } from '../../../shared/running-entry';

/** The file's layout version: a panel-bar script can check it. */
export const STATUS_VERSION = 1;

/**
 * What panel bars and `toggl-tray status` read: the running entry, today's and this week's
 * totals, the sync state and the changes waiting. Names only: no token, e-mail or id of
 * anything but the entry, so the file may be shown anywhere.
 */
export interface StatusSnapshot {
  version: typeof STATUS_VERSION;
  /** When the app wrote it (ISO). */
  writtenAt: string;
  /** The app's process, to tell a running app from a file left by one that ended. */
  pid: number;
  signedIn: boolean;
  running: {
    description: string;
    project: string | null;
    /** The project's color (#rrggbb), for a dot in the bar. */
    color: string | null;
    client: string | null;
    task: string | null;
    /** UTC ISO: elapsed = now − start. */
    start: string;
  } | null;
  /** Seconds tracked today and this week, in the user's Toggl time zone, up to `writtenAt`. */
  today: number;
  week: number;
  /** The tray's title, "0:42 Website redesign" while running, else "": as of `writtenAt`. */
  text: string;
  sync: {
    online: boolean;
    /** Changes made here not yet at Toggl, and those Toggl refused. */
    waiting: number;
    failed: number;
    problem: string | null;
    lastSyncedAt: string | null;
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The snapshot of the app's state now; `view` is null while signed out. */
export function statusSnapshot(view: DataView | null, sync: SyncStatus, now: number, pid: number): StatusSnapshot {
  const entry = view ? runningEntry(view.entries) : undefined;
  const { project, task } = view && entry ? placeOfEntry(view, entry) : { project: undefined, task: undefined };
  const totals = view?.user ? trackedTotals(view.entries, now, view.user.timezone, view.user.beginningOfWeek) : null;
  const running = entry
    ? {
        description: entry.description,
        project: project?.name ?? null,
        color: project?.color ?? null,
        client: project?.clientName ?? null,
        task: task?.name ?? null,
        start: entry.start,
      }
    : null;
  return {
    version: STATUS_VERSION,
    writtenAt: new Date(now).toISOString(),
    pid,
    signedIn: view !== null,
    running,
    today: totals?.today ?? 0,
    week: totals?.week ?? 0,
    text: view ? trayTimer(view, now).title : '',
    sync: {
      online: sync.online,
      waiting: sync.pending + sync.conflicts,
      failed: sync.failed,
      problem: sync.problem,
      lastSyncedAt: iso(sync.lastSyncedAt),
    },
  };
}
