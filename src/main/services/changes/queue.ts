import { randomUUID } from 'node:crypto';
import type { DamagedChange, OutboxEntry, OutboxStore } from '../store/outbox-store';
import type { Merged } from './kind';
import { kindOf, type ChangeOp } from './registry';

export interface ChangeQueueOptions {
  store: OutboxStore;
  now: () => number;
  /** Called after anything in the queue changed. */
  onChange: () => void;
}

/**
 * The user's changes, in order, on disk (outbox.json) before any call that queues one
 * returns. It knows no kind by name: each kind's module says what it touches, how it merges
 * with the change before it, and what a temporary id it creates is waited on by.
 */
export class ChangeQueue {
  /** The entry whose request is on the wire right now: it must not be merged into or dropped. */
  private sendingId: string | undefined;

  constructor(private readonly options: ChangeQueueOptions) {
    // A create that was on the wire when the app stopped may have reached Toggl: look first.
    if (this.entries.some((entry) => entry.inFlight)) {
      options.store.update(
        (entries) => entries.map((entry) => (entry.inFlight ? { ...entry, inFlight: false, uncertain: true } : entry)),
        'replay',
      );
    }
  }

  get entries(): readonly OutboxEntry[] {
    return this.options.store.entries;
  }

  counts(): { pending: number; failed: number; conflicts: number } {
    const counts = { pending: 0, failed: 0, conflicts: 0 };
    for (const entry of this.entries) {
      if (entry.state === 'pending') counts.pending++;
      else if (entry.state === 'failed') counts.failed++;
      else counts.conflicts++;
    }
    return counts;
  }

  takeTempId(): number {
    return this.options.store.takeTempId();
  }

  /** Marks the entry being sent (or none): it is left alone by merges and discards. */
  setSending(entryId: string | undefined): void {
    this.sendingId = entryId;
  }

  /**
   * Queues a change. A later change to an item whose latest queued change is still unsent
   * folds into it where its kind says so (two renames make one; a delete of an item never
   * sent drops both). It is on disk when this returns. False when it cancelled out: nothing
   * is left to send for it.
   */
  enqueue(op: ChangeOp): boolean {
    const targets = new Set(kindOf(op).targets(op));
    const earlier = this.entries.findLast((entry) =>
      kindOf(entry.op)
        .targets(entry.op)
        .some((key) => targets.has(key)),
    );
    const merged = earlier && this.mayMergeInto(earlier) ? kindOf(op).merge?.(earlier.op, op) : undefined;
    if (!earlier || !merged) {
      this.rewrite((entries) => [...entries, this.newEntry(op)]);
      return true;
    }
    this.rewrite((entries) => this.applyMerge(entries, earlier, merged));
    return merged.earlier !== null || merged.later !== null;
  }

  /**
   * Edits queued changes in place. "user" (the default): on disk or refused; "replay": the
   * replay's bookkeeping, held in memory while the disk refuses it.
   */
  rewrite(change: (entries: OutboxEntry[]) => OutboxEntry[], mode: 'user' | 'replay' = 'user'): void {
    this.options.store.update(change, mode);
    this.options.onChange();
  }

  patch(entryId: string, fields: Partial<OutboxEntry>, mode: 'user' | 'replay' = 'user'): void {
    this.rewrite((entries) => entries.map((entry) => (entry.id === entryId ? { ...entry, ...fields } : entry)), mode);
  }

  get damaged(): readonly DamagedChange[] {
    return this.options.store.damaged;
  }

  discardDamaged(id: string): void {
    this.options.store.discardDamaged(id);
    this.options.onChange();
  }

  clearDamaged(): void {
    this.options.store.discardAllDamaged();
    this.options.onChange();
  }

  retry(entryId: string): void {
    this.patch(entryId, { state: 'pending', error: null, nextAttemptAt: null });
  }

  /** Drops a change, and with a create every queued change that waits for the item it creates. */
  discard(entryId: string): void {
    const entry = this.entries.find((candidate) => candidate.id === entryId);
    if (entry) this.rewrite((entries) => withoutEntry(entries, entry));
  }

  /** Settles a conflict: keep my values (send them over Toggl's) or keep Toggl's (drop mine). */
  resolve(entryId: string, keep: 'mine' | 'theirs'): void {
    this.rewrite((entries) =>
      entries.flatMap((entry) => {
        const kind = kindOf(entry.op);
        if (entry.id !== entryId || entry.state !== 'conflict' || !kind.resolve) return [entry];
        const op = kind.resolve(entry.op, entry.conflicts, keep);
        return op ? [{ ...entry, op, state: 'pending' as const, conflicts: [], error: null }] : [];
      }),
    );
  }

  clear(): void {
    this.rewrite(() => []);
  }

  /** Not on the wire, and surely never received (an uncertain POST may have landed). */
  private mayMergeInto(entry: OutboxEntry): boolean {
    return entry.state === 'pending' && !entry.uncertain && entry.id !== this.sendingId;
  }

  private newEntry(op: ChangeOp): OutboxEntry {
    return {
      id: randomUUID(),
      op,
      createdAt: this.options.now(),
      state: 'pending',
      attempts: 0,
      error: null,
      nextAttemptAt: null,
      uncertain: false,
      inFlight: false,
      conflicts: [],
    };
  }

  private applyMerge(entries: OutboxEntry[], earlier: OutboxEntry, merged: Merged): OutboxEntry[] {
    const kept =
      merged.earlier === null
        ? withoutEntry(entries, earlier)
        : entries.map((entry) => (entry.id === earlier.id ? { ...entry, op: merged.earlier ?? entry.op } : entry));
    return merged.later ? [...kept, this.newEntry(merged.later)] : kept;
  }
}

/** The entries without this one and, when it creates an item, without what waits for that item (and so on). */
function withoutEntry(entries: OutboxEntry[], dropped: OutboxEntry): OutboxEntry[] {
  const droppedIds = new Set([dropped.id]);
  const missing = new Set<number>();
  for (const entry of entries) {
    const kind = kindOf(entry.op);
    const waits = kind.refs(entry.op).some((id) => missing.has(id));
    if (!droppedIds.has(entry.id) && !waits) continue;
    droppedIds.add(entry.id);
    const created = kind.creates?.(entry.op);
    if (created !== undefined) missing.add(created);
  }
  return entries.filter((entry) => !droppedIds.has(entry.id));
}
