import { z } from 'zod';
import { changeStateSchema, conflictSchema } from '../../../shared/schema';
import { changeOpSchema } from '../changes/registry';
import type { Logger } from '../logger';
import { JsonStore } from './json-store';

export type { ChangeOp as OutboxOp } from '../changes/registry';

const entrySchema = z.object({
  id: z.string(),
  op: changeOpSchema,
  createdAt: z.number(),
  state: changeStateSchema,
  attempts: z.number(),
  error: z.string().nullable(),
  /** Not before this time (epoch ms): backoff after a transient failure. */
  nextAttemptAt: z.number().nullable(),
  /** A create whose POST may have reached Toggl (timeout, dropped): look before resending. */
  uncertain: z.boolean(),
  /** A create on the wire: still set when the app starts again, it may have landed (uncertain). */
  inFlight: z.boolean().default(false),
  conflicts: z.array(conflictSchema),
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
