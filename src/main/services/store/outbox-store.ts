import { z } from 'zod';
import { changeStateSchema, conflictSchema } from '../../../shared/schema';
import { randomUUID } from 'node:crypto';
import { changeOpSchema, kindOf } from '../changes/registry';
import type { Clock } from '../clock';
import { UserFacingError } from '../errors';
import type { Logger } from '../logger';
import { JsonStore, removeDamagedCopies, type Salvaged } from './json-store';

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

/** A queued change that could not be read back: shown with what could be read, until discarded. */
const damagedSchema = z.object({
  id: z.string(),
  /** "Create project “X”", or "A queued change" when even its kind is lost. */
  summary: z.string(),
  createdAt: z.number().nullable(),
  /** Its text as it was found, or the file an unreadable queue was moved to (kept until discarded). */
  raw: z.string(),
});

export type DamagedChange = z.infer<typeof damagedSchema>;

const outboxSchema = z.object({
  schemaVersion: z.literal(1),
  nextTempId: z.number(),
  entries: z.array(entrySchema),
  damaged: z.array(damagedSchema).default([]),
});

export type OutboxFile = z.infer<typeof outboxSchema>;

const KIND_WORDS: Record<string, string> = {
  create: 'Create',
  update: 'Edit',
  delete: 'Delete',
  bulkActive: 'Archive or restore',
};

/** What can be read of a damaged entry: its kind and name, when it was made. */
function describeDamaged(value: unknown): DamagedChange {
  const entry = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const op = (entry.op && typeof entry.op === 'object' ? entry.op : {}) as Record<string, unknown>;
  const [what, verb] = typeof op.kind === 'string' ? op.kind.split('.') : [];
  const fields = (op.fields ?? op.changes ?? {}) as Record<string, unknown>;
  const name = typeof fields.name === 'string' ? ` “${fields.name}”` : '';
  return {
    id: typeof entry.id === 'string' ? entry.id : randomUUID(),
    summary: what && verb ? `${KIND_WORDS[verb] ?? verb} ${what}${name}` : 'A queued change',
    createdAt: typeof entry.createdAt === 'number' ? entry.createdAt : null,
    raw: JSON.stringify(value),
  };
}

/** Keeps every entry that parses; the others become damaged records the user sees. */
export function salvageOutbox(raw: unknown): Salvaged<OutboxFile> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const file = raw as Record<string, unknown>;
  const entries: OutboxEntry[] = [];
  const damaged: DamagedChange[] = z.array(damagedSchema).safeParse(file.damaged).data ?? [];
  for (const value of Array.isArray(file.entries) ? (file.entries as unknown[]) : []) {
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else damaged.push(describeDamaged(value));
  }
  // Temporary ids must stay below every one in use.
  const used = entries.flatMap((entry) => [
    ...kindOf(entry.op).refs(entry.op),
    kindOf(entry.op).creates?.(entry.op) ?? 0,
  ]);
  const nextTempId = Math.min(
    typeof file.nextTempId === 'number' ? file.nextTempId : -1,
    ...used.map((id) => id - 1),
    -1,
  );
  return { value: { schemaVersion: 1, nextTempId, entries, damaged }, lost: damaged.map((record) => record.summary) };
}

/** Refused because the change could not be written to disk: nothing was changed. */
export class DiskFullError extends UserFacingError {
  constructor(reason: string) {
    super('refused', `Could not save changes to disk: ${reason}. Nothing was changed; free some space and try again.`);
  }
}

/**
 * The queued changes, in order, in outbox.json. A change the user makes is on disk before the
 * call that made it returns, or it is refused (DiskFullError). The replay's own bookkeeping
 * is held in memory when the disk refuses it and written as soon as it can be. The file is
 * never cleared except by an explicit discard or by signing out with the user's consent;
 * entries it could not read are kept as damaged records until the user discards them.
 */
export class OutboxStore {
  private readonly store: JsonStore<OutboxFile>;

  constructor(
    private readonly dataDir: string,
    log: Logger,
    clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>,
    onWriteProblem?: () => void,
  ) {
    this.store = new JsonStore({
      dataDir,
      name: 'outbox',
      schema: outboxSchema,
      migrate: (raw) => raw,
      empty: () => ({ schemaVersion: 1, nextTempId: -1, entries: [], damaged: [] }),
      salvage: salvageOutbox,
      log,
      ...(clock && { clock }),
      ...(onWriteProblem && { onWriteProblem }),
    });
    // A file that could not be read at all was moved aside: say so, never silently.
    if (this.store.movedAside) {
      const aside = this.store.movedAside;
      this.store.hold({
        ...this.store.get(),
        damaged: [{ id: randomUUID(), summary: 'The queue of changes could not be read', createdAt: null, raw: aside }],
      });
    }
  }

  get file(): string {
    return this.store.file;
  }

  get entries(): readonly OutboxEntry[] {
    return this.store.get().entries;
  }

  get damaged(): readonly DamagedChange[] {
    return this.store.get().damaged;
  }

  get writeProblem(): string | null {
    return this.store.writeProblem;
  }

  /** A new id below zero for an item created offline. */
  takeTempId(): number {
    const data = this.store.get();
    this.strictWrite({ ...data, nextTempId: data.nextTempId - 1 });
    return data.nextTempId;
  }

  /**
   * Rewrites the entries in one atomic step. "user": a change the user is making, refused
   * (DiskFullError) unless it is on disk; "replay": held in memory if the disk refuses it.
   */
  update(change: (entries: OutboxEntry[]) => OutboxEntry[], mode: 'user' | 'replay' = 'user'): void {
    const data = this.store.get();
    const next = { ...data, entries: change(data.entries.map((entry) => structuredClone(entry))) };
    if (mode === 'user') this.strictWrite(next);
    else this.store.hold(next);
  }

  /** Drops a damaged record the user discarded (and, with the last one, the damaged copies). */
  discardDamaged(id: string): void {
    this.keepDamaged((record) => record.id !== id);
  }

  /** Drops every damaged record and the damaged copies (sign-out). */
  discardAllDamaged(): void {
    this.keepDamaged(() => false);
  }

  private keepDamaged(keep: (record: DamagedChange) => boolean): void {
    const data = this.store.get();
    this.strictWrite({ ...data, damaged: data.damaged.filter(keep) });
    if (this.store.get().damaged.length === 0) removeDamagedCopies(this.dataDir, 'outbox');
  }

  close(): void {
    this.store.close();
  }

  private strictWrite(value: OutboxFile): void {
    try {
      this.store.write(value);
    } catch (error) {
      throw new DiskFullError(error instanceof Error ? error.message : String(error));
    }
  }
}
