import { z } from 'zod';
import type { Logger } from '../logger';
import { JsonStore } from './json-store';

const projectFields = z.object({
  name: z.string(),
  cid: z.number().nullable(),
  clientName: z.string().optional(),
  color: z.string(),
  isPrivate: z.boolean(),
  billable: z.boolean(),
});
const projectChanges = projectFields.omit({ clientName: true }).extend({ active: z.boolean() }).partial();
const taskFields = z.object({ name: z.string(), estimatedSeconds: z.number().nullable() });
const taskChanges = taskFields.extend({ active: z.boolean() }).partial();

export const outboxOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project.create'), tempId: z.number(), wid: z.number(), fields: projectFields }),
  z.object({
    kind: z.literal('project.update'),
    id: z.number(),
    wid: z.number(),
    changes: projectChanges,
    /** The server's values of the changed fields when the edit was made. */
    base: projectChanges,
  }),
  z.object({ kind: z.literal('project.delete'), id: z.number(), wid: z.number() }),
  z.object({ kind: z.literal('project.bulkActive'), wid: z.number(), ids: z.array(z.number()), active: z.boolean() }),
  z.object({
    kind: z.literal('task.create'),
    tempId: z.number(),
    wid: z.number(),
    pid: z.number(),
    fields: taskFields,
  }),
  z.object({
    kind: z.literal('task.update'),
    id: z.number(),
    wid: z.number(),
    pid: z.number(),
    changes: taskChanges,
    base: taskChanges,
  }),
  z.object({ kind: z.literal('task.delete'), id: z.number(), wid: z.number(), pid: z.number() }),
  z.object({
    kind: z.literal('task.bulkActive'),
    wid: z.number(),
    pid: z.number(),
    ids: z.array(z.number()),
    active: z.boolean(),
  }),
]);

export type OutboxOp = z.infer<typeof outboxOpSchema>;

const entrySchema = z.object({
  id: z.string(),
  op: outboxOpSchema,
  createdAt: z.number(),
  state: z.enum(['pending', 'failed', 'conflict']),
  attempts: z.number(),
  error: z.string().nullable(),
  /** Not before this time (epoch ms): backoff after a transient failure. */
  nextAttemptAt: z.number().nullable(),
  /** A create whose POST may have reached Toggl (timeout, dropped): look before resending. */
  uncertain: z.boolean(),
  conflicts: z.array(z.object({ field: z.string(), mine: z.unknown(), theirs: z.unknown() })),
});

export type OutboxEntry = z.infer<typeof entrySchema>;

const outboxSchema = z.object({
  schemaVersion: z.literal(1),
  nextTempId: z.number(),
  entries: z.array(entrySchema),
});

export type OutboxFile = z.infer<typeof outboxSchema>;

/**
 * The queued changes, in order, in outbox.json. Every change is written (atomically) before
 * the call that made it returns; the file is never cleared except by an explicit discard or
 * by signing out with the user's consent.
 */
export class OutboxStore {
  private readonly store: JsonStore<OutboxFile>;

  constructor(dataDir: string, log: Logger) {
    this.store = new JsonStore({
      dataDir,
      name: 'outbox',
      schema: outboxSchema,
      migrate: (raw) => raw,
      empty: () => ({ schemaVersion: 1, nextTempId: -1, entries: [] }),
      log,
    });
  }

  get file(): string {
    return this.store.file;
  }

  get entries(): readonly OutboxEntry[] {
    return this.store.get().entries;
  }

  /** A new id below zero for an item created offline. */
  takeTempId(): number {
    const data = this.store.get();
    this.store.write({ ...data, nextTempId: data.nextTempId - 1 });
    return data.nextTempId;
  }

  /** Rewrites the entries (and persists) in one atomic step. */
  update(change: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    const data = this.store.get();
    this.store.write({ ...data, entries: change(data.entries.map((entry) => structuredClone(entry))) });
  }
}
