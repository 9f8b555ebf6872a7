import { z } from 'zod';
import { timeEntrySchema } from '../../../shared/schema';
import type { CachedTimeEntry } from '../../../shared/entities';
import { applyChanges } from '../sync/cache-updates';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import { durationSeconds, parseTimeEntries, timeEntryBody, toTimeEntry } from '../toggl/time-entry-mapping';
import { isCopyOf, placeAmong } from './entry-placement';
import { isGone } from './gone';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

export const entryStartSchema = timeEntrySchema
  .pick({ wid: true, pid: true, tid: true, description: true, start: true, stop: true, billable: true })
  .extend({ kind: z.literal('entry.start'), tempId: z.number().int() });

export type EntryStart = z.infer<typeof entryStartSchema>;

export const newEntryStart = (fields: Omit<EntryStart, 'kind'>): EntryStart => ({ kind: 'entry.start', ...fields });
export const isEntryStart = (op: ChangeOp): op is EntryStart => op.kind === 'entry.start';

const swap = (id: number | null, from: number, to: number): number | null => (id === from ? to : id);

/** Sent this long after it was made (offline, or queued behind others), a start may meet entries made elsewhere meanwhile. */
export const LATE_MS = 10_000;

/**
 * What Toggl has of the user's entries changed since the last sync (or since just before this
 * start): one /me request, folded into the cache as a sync would.
 */
async function catchUp(api: TogglApi, cache: CacheStore, start: string): Promise<void> {
  const fromStart = Math.floor(Date.parse(start) / 1000) - 60;
  const since = Math.min(cache.sinceCursor ?? fromStart, fromStart);
  applyChanges(
    cache.entries,
    parseTimeEntries(await api.timeEntries.listMine({ since }), () => undefined),
  );
}

/** Ends an entry running at Toggl (started elsewhere) at `stop`, with a duration that agrees. */
async function stopAt(api: TogglApi, cache: CacheStore, entry: CachedTimeEntry, stop: string): Promise<void> {
  try {
    const body = { stop, duration: durationSeconds(entry.start, stop) };
    const updated = toTimeEntry(await api.timeEntries.update(entry.wid, entry.id, body));
    cache.entries.set(updated.id, updated);
  } catch (error) {
    if (!isGone(error)) throw error;
    cache.entries.delete(entry.id);
  }
}
const MINUTE_MS = 60_000;

/**
 * A timer started (a running entry, `stop` null), or, when its stop was queued before it
 * reached Toggl, a finished entry sent once with both times. Shown at once under a temporary id.
 */
export const entryStart: ChangeKind<EntryStart> = {
  targets: (op) => [`e:${op.tempId}`],
  // A timer on a project or task still being created waits for it.
  refs: (op) => [op.pid, op.tid].filter((id): id is number => id !== null),
  creates: (op) => op.tempId,
  remap: (op, from, to) => ({ ...op, pid: swap(op.pid, from, to), tid: swap(op.tid, from, to) }),
  describe: (op, names) => {
    const on = names(op.tid !== null ? `t:${op.tid}` : `p:${op.pid ?? 0}`);
    const what = op.description ? `“${op.description}”` : on ? `on “${on}”` : 'without a project';
    return op.stop === null ? `Start timer ${what}` : `Add time entry ${what}`;
  },

  apply(view, op, { mark, at }) {
    const { kind: _kind, tempId, ...fields } = op;
    // Shown as it will reach Toggl among entries the last sync found made elsewhere.
    const placed = placeAmong(op, view.entries.values(), Infinity);
    for (const other of placed.toStop) view.entries.set(other.id, { ...other, stop: op.start, sync: mark });
    view.entries.set(tempId, { id: tempId, ...fields, stop: placed.stop, at, sync: mark });
  },

  async send(op, { api, cache, uncertain }) {
    let placed: EntryStart = op;
    // After a POST that may have landed: is the entry at Toggl already (same start, same project
    // and task)? Asked by the start it was sent with, which `since` (Toggl's `at`) is not.
    if (uncertain) {
      const around = (ms: number) => new Date(Date.parse(op.start) + ms).toISOString();
      const listed = await api.timeEntries.listMine({ start_date: around(-MINUTE_MS), end_date: around(MINUTE_MS) });
      const found = parseTimeEntries(listed, () => undefined).live.find((entry) => isCopyOf(entry, op));
      if (found) {
        cache.entries.set(found.id, found);
        return { result: 'done', remap: { from: op.tempId, to: found.id } };
      }
    }
    // Its times are on Toggl's clock (timer-commands.ts), and so is this.
    if (uncertain || api.http.serverClock.now() - Date.parse(op.start) > LATE_MS) {
      await catchUp(api, cache, op.start);
      const { stop, toStop } = placeAmong(op, cache.entries.values(), api.http.serverClock.now());
      for (const other of toStop) await stopAt(api, cache, other, op.start);
      placed = { ...op, stop };
    }
    const entry = toTimeEntry(await api.timeEntries.create(op.wid, timeEntryBody(placed)));
    cache.entries.set(entry.id, entry);
    return { result: 'done', remap: { from: op.tempId, to: entry.id } };
  },
};
