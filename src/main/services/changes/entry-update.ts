import { z } from 'zod';
import { timerChangesSchema } from '../../../shared/schema';
import { toTimeEntry } from '../toggl/time-entry-mapping';
import { isEntryStart } from './entry-start';
import { isGone } from './gone';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

export const entryUpdateSchema = z.object({
  kind: z.literal('entry.update'),
  id: z.number().int(),
  wid: z.number().int(),
  /** What the user changed; `billable` follows a new project's default. */
  changes: timerChangesSchema.extend({ billable: z.boolean().optional() }),
});

export type EntryUpdate = z.infer<typeof entryUpdateSchema>;

export const newEntryUpdate = (fields: Omit<EntryUpdate, 'kind'>): EntryUpdate => ({ kind: 'entry.update', ...fields });
const isEntryUpdate = (op: ChangeOp): op is EntryUpdate => op.kind === 'entry.update';

const swap = (id: number | null | undefined, from: number, to: number) => (id === from ? to : id);

/**
 * An edit of a time entry (the running one: its description, project or task). The user's
 * latest words win: a running entry is theirs, and Toggl keeps no history to compare with.
 */
export const entryUpdate: ChangeKind<EntryUpdate> = {
  targets: (op) => [`e:${op.id}`],
  refs: (op) => [op.id, op.changes.pid, op.changes.tid].filter((id): id is number => typeof id === 'number'),
  remap: (op, from, to) => ({
    ...op,
    id: op.id === from ? to : op.id,
    changes: { ...op.changes, pid: swap(op.changes.pid, from, to), tid: swap(op.changes.tid, from, to) },
  }),
  describe: (op, names) => {
    const { description, pid, tid } = op.changes;
    if (tid !== undefined && tid !== null) return `Move time entry to “${names(`t:${tid}`) ?? 'a task'}”`;
    if (pid !== undefined)
      return pid === null
        ? 'Take time entry off its project'
        : `Move time entry to “${names(`p:${pid}`) ?? 'a project'}”`;
    return description ? `Describe time entry as “${description}”` : 'Clear time entry description';
  },

  apply(view, op, { mark }) {
    const entry = view.entries.get(op.id);
    if (!entry) return;
    view.entries.set(op.id, { ...entry, ...defined(op.changes), sync: mark });
  },

  async send(op, { api, cache }) {
    const { description, pid, tid, billable } = op.changes;
    const body = {
      ...(description !== undefined && { description }),
      ...(pid !== undefined && { project_id: pid }),
      ...(tid !== undefined && { task_id: tid }),
      ...(billable !== undefined && { billable }),
    };
    try {
      const updated = toTimeEntry(await api.timeEntries.update(op.wid, op.id, body));
      cache.entries.set(updated.id, updated);
    } catch (error) {
      // Deleted there: nothing is left to edit.
      if (!isGone(error)) throw error;
      cache.entries.delete(op.id);
    }
    return { result: 'done' };
  },

  merge(earlier, later) {
    // Not at Toggl yet: the start goes with the new fields.
    if (isEntryStart(earlier) && earlier.tempId === later.id)
      return { earlier: { ...earlier, ...defined(later.changes) }, later: null };
    if (isEntryUpdate(earlier) && earlier.id === later.id)
      return { earlier: { ...earlier, changes: { ...earlier.changes, ...defined(later.changes) } }, later: null };
    return undefined;
  },
};

/** The fields given (an absent key changes nothing; null clears). */
function defined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
