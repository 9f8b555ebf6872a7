import { z } from 'zod';
import { TogglApiError } from '../toggl/errors';
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

/** A stop sent within this long of being made goes to Toggl's stop endpoint, which knows "already stopped". */
const FRESH_STOP_MS = 60_000;

const alreadyStopped = (error: unknown): boolean =>
  error instanceof TogglApiError && error.kind === 'invalid' && /already stopped/i.test(error.serverMessage ?? '');

/** The earlier of two stops: an entry is never extended past a stop made elsewhere. */
const earlier = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * A running entry stopped. Sent at once it goes to Toggl's stop endpoint ("already stopped"
 * is done); sent later (made offline) it first looks at the entry, keeps an earlier stop made
 * elsewhere, and otherwise PUTs the stop with the time it was made.
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

  async send(op, { api, cache, now }) {
    try {
      if (now() - Date.parse(op.stop) <= FRESH_STOP_MS) {
        const stopped = toTimeEntry(await api.timeEntries.stop(op.wid, op.id));
        cache.entries.set(stopped.id, stopped);
        return { result: 'done' };
      }
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
      // Stopped elsewhere meanwhile: keep that stop, which the list learns now (one look), not
      // at the next sync, or it would show the entry running again.
      if (alreadyStopped(error)) {
        const known = cache.entries.get(op.id);
        const stopped = await api.timeEntries
          .get(op.id)
          .then(toTimeEntry)
          .catch(() => (known ? { ...known, stop: known.stop ?? op.stop } : undefined));
        if (stopped) cache.entries.set(stopped.id, stopped);
        return { result: 'done' };
      }
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
