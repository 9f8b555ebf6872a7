import { z } from 'zod';
import { timeEntrySchema } from '../../../shared/schema';
import { parseTimeEntries, timeEntryBody, toTimeEntry } from '../toggl/time-entry-mapping';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

export const entryStartSchema = timeEntrySchema
  .pick({ wid: true, pid: true, tid: true, description: true, start: true, stop: true, billable: true })
  .extend({ kind: z.literal('entry.start'), tempId: z.number().int() });

export type EntryStart = z.infer<typeof entryStartSchema>;

export const newEntryStart = (fields: Omit<EntryStart, 'kind'>): EntryStart => ({ kind: 'entry.start', ...fields });
export const isEntryStart = (op: ChangeOp): op is EntryStart => op.kind === 'entry.start';

const swap = (id: number | null, from: number, to: number): number | null => (id === from ? to : id);

/** A SECOND of slack either way when matching an entry Toggl may already have (its times are whole seconds). */
const SAME_START_MS = 1_000;
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
    view.entries.set(tempId, { id: tempId, ...fields, at, sync: mark });
  },

  async send(op, { api, cache, uncertain }) {
    const body = timeEntryBody(op);
    // After a POST that may have landed: is the entry at Toggl already (same start, same project and task)?
    // Asked by the start it was sent with: `since` would set our clock against Toggl's `at`,
    // and a clock running ahead of Toggl's would not find it and post it twice.
    if (uncertain) {
      const around = (ms: number) => new Date(Date.parse(op.start) + ms).toISOString();
      const listed = await api.timeEntries.listMine({ start_date: around(-MINUTE_MS), end_date: around(MINUTE_MS) });
      const found = parseTimeEntries(listed, () => undefined).live.find(
        (entry) =>
          Math.abs(Date.parse(entry.start) - Date.parse(op.start)) < SAME_START_MS &&
          entry.pid === op.pid &&
          entry.tid === op.tid,
      );
      if (found) {
        cache.entries.set(found.id, found);
        return { result: 'done', remap: { from: op.tempId, to: found.id } };
      }
    }
    const entry = toTimeEntry(await api.timeEntries.create(op.wid, body));
    cache.entries.set(entry.id, entry);
    return { result: 'done', remap: { from: op.tempId, to: entry.id } };
  },
};
