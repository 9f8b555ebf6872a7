import { randomUUID } from 'node:crypto';
import type { CachedProject, CachedTask } from '../../../shared/entities';
import type { Logger } from '../logger';
import type { CacheStore } from '../store/cache-store';
import type { OutboxEntry, OutboxOp, OutboxStore } from '../store/outbox-store';
import type { TogglApi } from '../toggl/api';
import { TogglApiError, type TogglErrorKind } from '../toggl/errors';
import { projectBody, toProject, toTask } from './mapping';

/** Why a replay pass stopped before the end of the queue. */
export type ReplayStop = 'offline' | 'quota' | 'rate-limited' | 'signed-out' | 'transient' | null;

export interface ReplayResult {
  sent: number;
  stoppedBy: ReplayStop;
  /** With "quota": when Toggl's window frees up (epoch ms). */
  resumeAt: number | null;
}

const STOPPING: Partial<Record<TogglErrorKind, ReplayStop>> = {
  offline: 'offline',
  'connection-lost': 'transient',
  timeout: 'transient',
  server: 'transient',
  'rate-limited': 'rate-limited',
  quota: 'quota',
  'signed-out': 'signed-out',
  aborted: 'transient',
};
/** After these, a POST may have been applied even though no answer came back. */
const MAYBE_APPLIED: ReadonlySet<TogglErrorKind> = new Set(['connection-lost', 'timeout', 'server']);

function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** Math.min(attempts, 8));
}

function referencedIds(op: OutboxOp): number[] {
  switch (op.kind) {
    case 'project.create':
      return [op.wid];
    case 'project.update':
    case 'project.delete':
      return [op.id];
    case 'project.bulkActive':
      return op.ids;
    case 'task.create':
      return [op.pid];
    case 'task.update':
    case 'task.delete':
      return [op.id, op.pid];
    case 'task.bulkActive':
      return [...op.ids, op.pid];
  }
}

/** Replaces a temporary id with Toggl's real one wherever an operation uses it. */
function remapOp(op: OutboxOp, from: number, to: number): OutboxOp {
  const swap = (id: number): number => (id === from ? to : id);
  switch (op.kind) {
    case 'project.create':
      return op;
    case 'project.update':
    case 'project.delete':
      return { ...op, id: swap(op.id) };
    case 'project.bulkActive':
      return { ...op, ids: op.ids.map(swap) };
    case 'task.create':
      return { ...op, pid: swap(op.pid) };
    case 'task.update':
    case 'task.delete':
      return { ...op, id: swap(op.id), pid: swap(op.pid) };
    case 'task.bulkActive':
      return { ...op, ids: op.ids.map(swap), pid: swap(op.pid) };
  }
}

const equal = (a: unknown, b: unknown): boolean => a === b || (a == null && b == null);

export interface OutboxOptions {
  store: OutboxStore;
  cache: CacheStore;
  api: TogglApi;
  log: Logger;
  now: () => number;
  /** Called after anything in the outbox or the cache changed. */
  onChange: () => void;
}

/**
 * The queue of the user's changes and its replay. Changes go out in order; a transient
 * failure stops the pass (order is kept) and backs off; a permanent refusal marks that
 * change failed and the rest go on, except changes waiting for an item it would create.
 */
export class Outbox {
  private running: Promise<ReplayResult> | undefined;
  /** The entry whose request is on the wire right now: it must not be edited or dropped. */
  private sendingId: string | undefined;
  /** Temporary ids swapped for Toggl's lately (last 50), for the view. */
  readonly newIds = new Map<number, number>();

  constructor(private readonly options: OutboxOptions) {}

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

  isSending(entryId: string): boolean {
    return this.sendingId === entryId;
  }

  takeTempId(): number {
    return this.options.store.takeTempId();
  }

  /** Appends a change; it is on disk when this returns. */
  enqueue(op: OutboxOp): OutboxEntry {
    const entry: OutboxEntry = {
      id: randomUUID(),
      op,
      createdAt: this.options.now(),
      state: 'pending',
      attempts: 0,
      error: null,
      nextAttemptAt: null,
      uncertain: false,
      conflicts: [],
    };
    this.options.store.update((entries) => [...entries, entry]);
    this.options.onChange();
    return entry;
  }

  /** Edits queued changes in place (e.g. folding an edit into a create not yet sent). */
  rewrite(change: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    this.options.store.update(change);
    this.options.onChange();
  }

  retry(entryId: string): void {
    this.patch(entryId, { state: 'pending', error: null, nextAttemptAt: null });
  }

  /** Drops a change, and with a create every queued change to the item it would create. */
  discard(entryId: string): void {
    const entry = this.entries.find((candidate) => candidate.id === entryId);
    if (!entry) return;
    const tempId = entry.op.kind === 'project.create' || entry.op.kind === 'task.create' ? entry.op.tempId : undefined;
    this.rewrite((entries) =>
      entries.filter(
        (candidate) =>
          candidate.id !== entryId && (tempId === undefined || !referencedIds(candidate.op).includes(tempId)),
      ),
    );
  }

  /** Settles a conflict: keep my values (send them over Toggl's) or keep Toggl's (drop mine). */
  resolve(entryId: string, keep: 'mine' | 'theirs'): void {
    this.rewrite((entries) =>
      entries.flatMap((entry) => {
        if (entry.id !== entryId || entry.state !== 'conflict') return [entry];
        if (entry.op.kind !== 'project.update' && entry.op.kind !== 'task.update') return [entry];
        const fields = new Set(entry.conflicts.map((conflict) => conflict.field));
        const theirs = Object.fromEntries(entry.conflicts.map((conflict) => [conflict.field, conflict.theirs]));
        const without = (values: object) =>
          Object.fromEntries(Object.entries(values).filter(([field]) => !fields.has(field)));
        // Mine: Toggl's current values become the base, so mine are sent over them.
        // Theirs: my values for those fields are dropped.
        const op =
          keep === 'mine'
            ? { ...entry.op, base: { ...entry.op.base, ...theirs } }
            : { ...entry.op, changes: without(entry.op.changes), base: without(entry.op.base) };
        if (Object.keys(op.changes).length === 0) return [];
        return [{ ...entry, op, state: 'pending' as const, conflicts: [], error: null }];
      }),
    );
  }

  clear(): void {
    this.rewrite(() => []);
  }

  /** Sends what is due (or everything, ignoring backoff). One pass at a time; a second caller gets the running pass. */
  replay(options: { ignoreBackoff?: boolean } = {}): Promise<ReplayResult> {
    this.running ??= this.pass(options.ignoreBackoff ?? false).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(ignoreBackoff: boolean): Promise<ReplayResult> {
    let sent = 0;
    const skipped = new Set<string>();
    for (;;) {
      const entry = this.entries.find((candidate) => candidate.state === 'pending' && !skipped.has(candidate.id));
      if (!entry) return { sent, stoppedBy: null, resumeAt: null };
      if (!ignoreBackoff && entry.nextAttemptAt !== null && entry.nextAttemptAt > this.options.now()) {
        return { sent, stoppedBy: 'transient', resumeAt: entry.nextAttemptAt };
      }
      // Waits for Toggl's id of an item created offline (its create is queued, or failed).
      if (referencedIds(entry.op).some((id) => id < 0)) {
        skipped.add(entry.id);
        continue;
      }
      try {
        this.sendingId = entry.id;
        await this.send(entry);
        sent++;
      } catch (error) {
        if (!(error instanceof TogglApiError)) throw error;
        const stop = STOPPING[error.kind];
        if (stop) return this.stopAt(entry, error, stop, sent);
        this.options.log.warn('outbox: Toggl refused a change', { kind: error.kind, status: error.status ?? 0 });
        this.patch(entry.id, { state: 'failed', error: error.message, attempts: entry.attempts + 1 });
      } finally {
        this.sendingId = undefined;
      }
    }
  }

  private stopAt(entry: OutboxEntry, error: TogglApiError, stoppedBy: ReplayStop, sent: number): ReplayResult {
    const now = this.options.now();
    const isCreate = entry.op.kind === 'project.create' || entry.op.kind === 'task.create';
    const resumeAt =
      error.kind === 'quota'
        ? now + (error.resetsInSeconds ?? 3600) * 1000
        : error.retryAfterSeconds !== undefined
          ? now + error.retryAfterSeconds * 1000
          : now + backoffMs(entry.attempts);
    this.patch(entry.id, {
      attempts: entry.attempts + 1,
      nextAttemptAt: resumeAt,
      uncertain: entry.uncertain || (isCreate && MAYBE_APPLIED.has(error.kind)),
    });
    return { sent, stoppedBy, resumeAt };
  }

  private patch(entryId: string, fields: Partial<OutboxEntry>): void {
    this.rewrite((entries) => entries.map((entry) => (entry.id === entryId ? { ...entry, ...fields } : entry)));
  }

  private done(entryId: string, remap?: { from: number; to: number }): void {
    this.options.cache.changed();
    if (remap) {
      this.newIds.set(remap.from, remap.to);
      for (const key of this.newIds.keys()) if (this.newIds.size > 50) this.newIds.delete(key);
    }
    this.rewrite((entries) =>
      entries
        .filter((entry) => entry.id !== entryId)
        .map((entry) => (remap ? { ...entry, op: remapOp(entry.op, remap.from, remap.to) } : entry)),
    );
  }

  private async send(entry: OutboxEntry): Promise<void> {
    const { api, cache } = this.options;
    const { op } = entry;
    switch (op.kind) {
      case 'project.create': {
        const { fields } = op;
        const found = entry.uncertain ? await this.findCreatedProject(op.wid, fields.name) : undefined;
        const created =
          found ??
          (await api.createProject(op.wid, {
            name: fields.name,
            active: true,
            color: fields.color,
            is_private: fields.isPrivate,
            ...(fields.billable && { billable: true }),
            ...(fields.cid !== null
              ? { client_id: fields.cid }
              : fields.clientName
                ? { client_name: fields.clientName }
                : {}),
          }));
        const project = toProject(created);
        cache.projects.set(project.id, project);
        if (project.cid !== null && !cache.clients.has(project.cid) && fields.clientName) {
          cache.clients.set(project.cid, {
            id: project.cid,
            wid: op.wid,
            name: fields.clientName,
            archived: false,
            at: project.at,
          });
        }
        return this.done(entry.id, { from: op.tempId, to: project.id });
      }
      case 'project.update': {
        const changes = this.mergeable(entry, cache.projects.get(op.id));
        if (changes === undefined) return;
        if (Object.keys(changes).length > 0) {
          const updated = toProject(await api.updateProject(op.wid, op.id, projectBody(changes)));
          cache.projects.set(updated.id, updated);
        }
        return this.done(entry.id);
      }
      case 'project.delete':
        await this.ignoreNotFound(() => api.deleteProject(op.wid, op.id));
        cache.projects.delete(op.id);
        for (const [id, task] of cache.tasks) if (task.pid === op.id) cache.tasks.delete(id);
        return this.done(entry.id);
      case 'project.bulkActive': {
        const result = await api.bulkPatchProjects(op.wid, op.ids, [
          { op: 'replace', path: '/active', value: op.active },
        ]);
        for (const id of result.success) {
          const project = cache.projects.get(id);
          if (project)
            cache.projects.set(id, { ...project, active: op.active, at: new Date(this.options.now()).toISOString() });
        }
        return this.bulkOutcome(entry, result.failure);
      }
      case 'task.create': {
        const found = entry.uncertain ? await this.findCreatedTask(op.wid, op.pid, op.fields.name) : undefined;
        const created =
          found ??
          (await api.createTask(op.wid, op.pid, {
            name: op.fields.name,
            active: true,
            ...(op.fields.estimatedSeconds !== null && { estimated_seconds: op.fields.estimatedSeconds }),
          }));
        const task = toTask(created);
        cache.tasks.set(task.id, task);
        return this.done(entry.id, { from: op.tempId, to: task.id });
      }
      case 'task.update': {
        const changes = this.mergeable(entry, cache.tasks.get(op.id));
        if (changes === undefined) return;
        if (Object.keys(changes).length > 0) {
          const body = {
            ...(changes.name !== undefined && { name: changes.name as string }),
            ...(changes.estimatedSeconds !== undefined && {
              estimated_seconds: changes.estimatedSeconds as number | null,
            }),
            ...(changes.active !== undefined && { active: changes.active as boolean }),
          };
          const updated = toTask(await api.updateTask(op.wid, op.pid, op.id, body));
          cache.tasks.set(updated.id, updated);
        }
        return this.done(entry.id);
      }
      case 'task.delete':
        await this.ignoreNotFound(() => api.deleteTask(op.wid, op.pid, op.id));
        cache.tasks.delete(op.id);
        return this.done(entry.id);
      case 'task.bulkActive': {
        const result = await api.bulkPatchTasks(op.wid, op.pid, op.ids, [
          { op: 'replace', path: '/active', value: op.active },
        ]);
        for (const id of result.success) {
          const task = cache.tasks.get(id);
          if (task) cache.tasks.set(id, { ...task, active: op.active, at: new Date(this.options.now()).toISOString() });
        }
        return this.bulkOutcome(entry, result.failure);
      }
    }
  }

  /**
   * The fields of an update still worth sending, compared with what Toggl has now (the
   * cache after the last sync): fields only I changed go; fields Toggl already has drop out;
   * a field both sides changed differently makes a conflict (undefined: nothing sent now).
   */
  private mergeable(
    entry: OutboxEntry,
    server: CachedProject | CachedTask | undefined,
  ): Record<string, unknown> | undefined {
    if (entry.op.kind !== 'project.update' && entry.op.kind !== 'task.update') return {};
    if (!server) {
      this.patch(entry.id, { state: 'failed', error: 'It was deleted on Toggl, so this change cannot be applied.' });
      return undefined;
    }
    const changes = entry.op.changes as Record<string, unknown>;
    const base = entry.op.base as Record<string, unknown>;
    const current = server as unknown as Record<string, unknown>;
    const toSend: Record<string, unknown> = {};
    const conflicts: OutboxEntry['conflicts'] = [];
    for (const [field, mine] of Object.entries(changes)) {
      const theirs = current[field];
      if (equal(theirs, mine)) continue;
      if (field in base && !equal(theirs, base[field])) conflicts.push({ field, mine, theirs });
      else toSend[field] = mine;
    }
    if (conflicts.length > 0) {
      this.patch(entry.id, { state: 'conflict', conflicts, error: null });
      return undefined;
    }
    return toSend;
  }

  private bulkOutcome(entry: OutboxEntry, failures: { id: number; message: string }[]): void {
    if (failures.length === 0) return this.done(entry.id);
    if (entry.op.kind !== 'project.bulkActive' && entry.op.kind !== 'task.bulkActive') return;
    const failedIds = failures.map((failure) => failure.id);
    const message = [...new Set(failures.map((failure) => failure.message))].join('; ');
    this.options.cache.changed();
    this.rewrite((entries) =>
      entries.map((candidate) =>
        candidate.id === entry.id &&
        (candidate.op.kind === 'project.bulkActive' || candidate.op.kind === 'task.bulkActive')
          ? {
              ...candidate,
              op: { ...candidate.op, ids: failedIds },
              state: 'failed' as const,
              error: `Toggl refused ${failures.length} of ${entry.op.kind === 'project.bulkActive' ? 'the projects' : 'the tasks'}: ${message}`,
            }
          : candidate,
      ),
    );
  }

  private async ignoreNotFound(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof TogglApiError && error.kind === 'not-found')) throw error;
    }
  }

  /** After a POST that may have landed: is the project on Toggl already? */
  private async findCreatedProject(wid: number, name: string) {
    const candidates = await this.options.api.listProjects(wid, { name, active: 'both', per_page: 200 });
    return candidates.find(
      (project) => project.name.toLowerCase() === name.toLowerCase() && !this.options.cache.projects.has(project.id),
    );
  }

  private async findCreatedTask(wid: number, pid: number, name: string) {
    const tasks = await this.options.api.listProjectTasks(wid, pid);
    return tasks.find(
      (task) => task.name.toLowerCase() === name.toLowerCase() && !this.options.cache.tasks.has(task.id),
    );
  }
}
