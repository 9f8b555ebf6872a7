import { z } from 'zod';
import { durationSeconds, toTimeEntry } from '../toggl/time-entry-mapping';
import { isGone } from './gone';
import { isEntryStart } from './entry-start';
import type { ChangeKind } from './kind';

export const entryStopSchema = z.object({
  kind: z.literal('entry.stop'),
  id: z.number().int(),
  wid: z.number().int(),
  start: z.string(),
  /** When the user stopped it (UTC ISO), sent as is however late the send. */
  stop: z.string(),
});

export type EntryStop = z.infer<typeof entryStopSchema>;

export const newEntryStop = (fields: Omit<EntryStop, 'kind'>): EntryStop => ({ kind: 'entry.stop', ...fields });

/** The earlier of two stops: an entry is never extended past a stop made elsewhere. */
const earlier = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * A running entry stopped, at the second the user stopped it however late that reaches
 * Toggl: it looks at the entry first (one /me request), keeps an earlier stop made elsewhere,
 * and otherwise PUTs the stop with the time it was made.
 */
export const entryStop: ChangeKind<EntryStop> = {
  targets: (op) => [`e:${op.id}`],
  refs: (op) => [op.id],
  remap: (op, from, to) => (op.id === from ? { ...op, id: to } : op),
  describe: () => 'Stop timer',

  apply(view, op, { mark }) {
    const entry = view.entries.get(op.id);
    if (!entry) return;
    const stop = entry.stop === null ? op.stop : earlier(entry.stop, op.stop);
    view.entries.set(op.id, { ...entry, stop, sync: mark });
  },

  async send(op, { api, cache }) {
    try {
      // Toggl's own stop endpoint stops at its clock's now, which for a stop made offline (or
      // sent a few seconds late) is not when the user stopped: look, then PUT the real time.
      const current = toTimeEntry(await api.timeEntries.get(op.id));
      if (current.stop !== null && Date.parse(current.stop) <= Date.parse(op.stop)) {
        cache.entries.set(current.id, current);
        return { result: 'done' };
      }
      const body = { stop: op.stop, duration: durationSeconds(current.start, op.stop) };
      const updated = toTimeEntry(await api.timeEntries.update(op.wid, op.id, body));
      cache.entries.set(updated.id, updated);
      return { result: 'done' };
    } catch (error) {
      // Deleted there: nothing is left to do.
      if (isGone(error)) {
        cache.entries.delete(op.id);
        return { result: 'done' };
      }
      throw error;
    }
  },

  merge(earlierOp, later) {
    // Started and stopped before Toggl heard of it: one entry with both times.
    if (isEntryStart(earlierOp) && earlierOp.tempId === later.id && earlierOp.stop === null) {
      return { earlier: { ...earlierOp, stop: later.stop }, later: null };
    }
    return undefined;
  },
};
